package io.qubench.qasm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gate;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.QuantumRegister;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;

/**
 * Writes circuits as OpenQASM 2.0 or 3. Standard gates missing from the target's include file
 * get a {@code gate} definition in its gates, which the reader maps back to the standard gate,
 * so that what is written reads back to an equal circuit.
 */
public final class QasmWriter {

    /** Definitions, in gates every version has, of standard gates some include files lack. */
    private static final Map<String, String> DEFINITIONS = Map.of(
            "iswap", "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }",
            "ecr", "gate ecr a, b { h b; cx a, b; rz(pi/4) b; cx a, b; h b; x a; h b; cx a, b; rz(-pi/4) b; cx a, b; h b; }",
            "ryy", "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
            "rxx", "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
            "rzz", "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
            "sxdg", "gate sxdg a { h a; sdg a; h a; }",
            "cu1", "gate cu1(lambda) a, b { cp(lambda) a, b; }",
            "cu3", "gate cu3(theta, phi, lambda) a, b { cu(theta, phi, lambda, 0) a, b; }");
    private static final Set<String> MISSING_FROM_QELIB1 = Set.of("iswap", "ecr", "ryy");
    private static final Set<String> MISSING_FROM_STDGATES = Set.of("sxdg", "iswap", "ecr", "rxx", "ryy", "rzz", "cu1", "cu3");

    private final Circuit circuit;
    private final QasmVersion version;
    private final StringBuilder out = new StringBuilder();

    private QasmWriter(Circuit circuit, QasmVersion version) {
        this.circuit = circuit;
        this.version = version;
    }

    public static String toQasm2(Circuit circuit) {
        return new QasmWriter(circuit, QasmVersion.V2).write();
    }

    public static String toQasm3(Circuit circuit) {
        return new QasmWriter(circuit, QasmVersion.V3).write();
    }

    public static String write(Circuit circuit, QasmVersion version) {
        return new QasmWriter(circuit, version).write();
    }

    private String write() {
        boolean v2 = version == QasmVersion.V2;
        if (v2 && !circuit.parameters().isEmpty()) {
            throw new UserInputException("OpenQASM 2 has no free parameters (" + String.join(", ", circuit.parameters())
                    + "): give them values, or export as OpenQASM 3");
        }
        out.append(v2 ? "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" : "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        for (String p : circuit.parameters()) {
            out.append("input float[64] ").append(p).append(";\n");
        }
        for (QuantumRegister r : circuit.quantumRegisters()) {
            out.append(v2 ? "qreg " + r.name() + "[" + r.size() + "];\n" : "qubit[" + r.size() + "] " + r.name() + ";\n");
        }
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            out.append(v2 ? "creg " + r.name() + "[" + r.size() + "];\n" : "bit[" + r.size() + "] " + r.name() + ";\n");
        }
        Set<String> missing = v2 ? MISSING_FROM_QELIB1 : MISSING_FROM_STDGATES;
        for (String name : standardGatesUsed()) {
            if (missing.contains(name)) {
                out.append(DEFINITIONS.get(name)).append('\n');
            }
        }
        Map<String, GateDefinition> builtIn = v2 ? GateLibrary.qelib1Extras() : Map.of();
        for (GateDefinition d : circuit.definitions()) {
            if (!d.equals(builtIn.get(d.name()))) {
                writeDefinition(d);
            }
        }
        for (Operation op : circuit.operations()) {
            writeOperation(op);
        }
        return out.toString();
    }

    /** Standard gates used by operations and by definitions' bodies, by name. */
    private Set<String> standardGatesUsed() {
        Set<String> used = new LinkedHashSet<>();
        for (GateDefinition d : circuit.definitions()) {
            d.body().forEach(c -> addIfStandard(c.gate(), used));
        }
        for (Operation op : circuit.operations()) {
            if (op instanceof Operation.GateOperation g) {
                addIfStandard(g.gate(), used);
            }
        }
        return used;
    }

    private static void addIfStandard(Gate g, Set<String> used) {
        if (g instanceof StandardGate s) {
            used.add(s.qasmName());
        }
    }

    private void writeDefinition(GateDefinition d) {
        out.append(d.opaque() ? "opaque " : "gate ").append(d.name());
        if (!d.paramNames().isEmpty()) {
            out.append('(').append(String.join(", ", d.paramNames())).append(')');
        }
        out.append(' ').append(String.join(", ", d.qubitNames()));
        if (d.opaque()) {
            out.append(";\n");
            return;
        }
        out.append(" {");
        for (GateDefinition.Call c : d.body()) {
            out.append(' ').append(call(c.gate(), c.params()))
                    .append(' ')
                    .append(c.arguments().stream().map(d.qubitNames()::get).collect(Collectors.joining(", ")))
                    .append(';');
        }
        out.append(" }\n");
    }

    private String call(Gate gate, List<Expression> params) {
        String name = gate == StandardGate.U && version == QasmVersion.V3 ? "U" : gate.qasmName();
        if (params.isEmpty()) {
            return name;
        }
        return name + "(" + params.stream().map(Expression::toQasm).collect(Collectors.joining(", ")) + ")";
    }

    private void writeOperation(Operation op) {
        op.condition().ifPresent(this::writeCondition);
        switch (op) {
            case Operation.GateOperation g -> out.append(call(g.gate(), g.params())).append(' ').append(qubits(g.qubits()));
            case Operation.Measurement m -> {
                if (version == QasmVersion.V2) {
                    out.append("measure ").append(circuit.qubitLabel(m.qubit())).append(" -> ").append(circuit.clbitLabel(m.clbit()));
                } else {
                    out.append(circuit.clbitLabel(m.clbit())).append(" = measure ").append(circuit.qubitLabel(m.qubit()));
                }
            }
            case Operation.Reset r -> out.append("reset ").append(circuit.qubitLabel(r.qubit()));
            case Operation.Barrier b -> out.append("barrier ").append(qubits(b.qubits()));
        }
        out.append(";\n");
    }

    private void writeCondition(Condition c) {
        if (version == QasmVersion.V2) {
            if (c.bit() != Condition.WHOLE_REGISTER) {
                throw new UserInputException("OpenQASM 2 cannot condition on a single bit (" + c.register().name() + "["
                        + c.bit() + "]): export as OpenQASM 3");
            }
            out.append("if (").append(c.register().name()).append("==").append(c.value()).append(") ");
        } else {
            String target = c.bit() == Condition.WHOLE_REGISTER ? c.register().name() : c.register().name() + "[" + c.bit() + "]";
            out.append("if (").append(target).append(" == ").append(c.value()).append(") ");
        }
    }

    private String qubits(List<Integer> qubits) {
        List<String> labels = new ArrayList<>(qubits.size());
        for (int q : qubits) {
            labels.add(circuit.qubitLabel(q));
        }
        return String.join(", ", labels);
    }
}
