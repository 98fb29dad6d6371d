package io.qubench.transpile;

import java.util.List;
import java.util.function.IntUnaryOperator;

import io.qubench.circuit.Condition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;

/** Small rewrites of single operations shared by the passes. */
final class Operations {

    private Operations() {
    }

    /** The operation on other qubits (clbits and condition unchanged). */
    static Operation remap(Operation op, IntUnaryOperator qubit) {
        return switch (op) {
            case GateOperation g -> new GateOperation(g.gate(), g.params(), remap(g.qubits(), qubit), g.conditionOrNull());
            case Measurement m -> new Measurement(qubit.applyAsInt(m.qubit()), m.clbit(), m.conditionOrNull());
            case Reset r -> new Reset(qubit.applyAsInt(r.qubit()), r.conditionOrNull());
            case Barrier b -> new Barrier(remap(b.qubits(), qubit));
        };
    }

    private static List<Integer> remap(List<Integer> qubits, IntUnaryOperator qubit) {
        return switch (qubits.size()) {
            case 1 -> List.of(qubit.applyAsInt(qubits.get(0)));
            case 2 -> List.of(qubit.applyAsInt(qubits.get(0)), qubit.applyAsInt(qubits.get(1)));
            default -> qubits.stream().map(qubit::applyAsInt).toList();
        };
    }

    /** The gate under {@code condition} (null for none). */
    static GateOperation conditioned(GateOperation g, Condition condition) {
        return condition == null ? g : new GateOperation(g.gate(), g.params(), g.qubits(), condition);
    }

    /** The classical bits an operation reads or writes (its own and its condition's). */
    static List<Integer> clbitsTouched(Operation op) {
        if (op.condition().isEmpty()) {
            return op.clbits();
        }
        List<Integer> out = new java.util.ArrayList<>(op.clbits());
        out.addAll(op.condition().get().clbits());
        return out;
    }

    static boolean isTwoQubitGate(Operation op) {
        return op instanceof GateOperation g && g.qubits().size() == 2;
    }
}
