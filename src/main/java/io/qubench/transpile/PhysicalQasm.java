package io.qubench.transpile;

import java.util.List;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;

/**
 * A circuit on device qubits as OpenQASM 3 with physical qubits ({@code $3}) instead of a
 * register, the form devices take (the qasm package's writer always declares registers).
 * {@code ecr}, missing from stdgates.inc, gets the same definition the qasm writer gives it,
 * which the reader maps back to the standard gate.
 */
public final class PhysicalQasm {

    private static final String ECR_DEFINITION =
            "gate ecr a, b { h b; cx a, b; rz(pi/4) b; cx a, b; h b; x a; h b; cx a, b; rz(-pi/4) b; cx a, b; h b; }";

    private PhysicalQasm() {
    }

    public static String write(Circuit isa) {
        StringBuilder out = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        boolean ecr = isa.operations().stream().anyMatch(op -> op instanceof GateOperation g && g.gate().qasmName().equals("ecr"));
        if (ecr) {
            out.append(ECR_DEFINITION).append('\n');
        }
        for (ClassicalRegister r : isa.classicalRegisters()) {
            out.append("bit[").append(r.size()).append("] ").append(r.name()).append(";\n");
        }
        for (Operation op : isa.operations()) {
            op.condition().ifPresent(c -> out.append("if (").append(condition(c)).append(") "));
            switch (op) {
                case GateOperation g -> {
                    out.append(g.gate().qasmName());
                    if (!g.params().isEmpty()) {
                        out.append('(').append(g.params().stream().map(Expression::toQasm).collect(Collectors.joining(", "))).append(')');
                    }
                    out.append(' ').append(qubits(g.qubits()));
                }
                case Operation.Measurement m -> out.append(isa.clbitLabel(m.clbit())).append(" = measure $").append(m.qubit());
                case Operation.Reset r -> out.append("reset $").append(r.qubit());
                case Operation.Barrier b -> out.append("barrier ").append(qubits(b.qubits()));
            }
            out.append(";\n");
        }
        return out.toString();
    }

    private static String condition(Condition c) {
        String target = c.bit() == Condition.WHOLE_REGISTER ? c.register().name() : c.register().name() + "[" + c.bit() + "]";
        return target + " == " + c.value();
    }

    private static String qubits(List<Integer> qubits) {
        return qubits.stream().map(q -> "$" + q).collect(Collectors.joining(", "));
    }
}
