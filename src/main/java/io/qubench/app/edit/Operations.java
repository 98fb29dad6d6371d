package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;
import io.qubench.circuit.UserInputException;

/** Small pure helpers on operations that edits share. */
public final class Operations {

    private Operations() {
    }

    /** The same operation on other qubits, given in the order of {@link Operation#qubits()}. */
    public static Operation onQubits(Operation op, List<Integer> qubits) {
        if (qubits.size() != op.qubits().size()) {
            throw new UserInputException(name(op) + " acts on " + op.qubits().size() + " qubit(s), not " + qubits.size());
        }
        return switch (op) {
            case GateOperation g -> new GateOperation(g.gate(), g.params(), qubits, g.conditionOrNull());
            case Measurement m -> new Measurement(qubits.getFirst(), m.clbit(), m.conditionOrNull());
            case Reset r -> new Reset(qubits.getFirst(), r.conditionOrNull());
            case Barrier b -> new Barrier(qubits);
        };
    }

    /**
     * The operation with every qubit renumbered by {@code map}; a qubit mapped to a negative
     * number is gone: gates, measurements and resets on it disappear (null), barriers shrink.
     */
    static Operation renumbered(Operation op, IntUnaryOperator map) {
        List<Integer> kept = new ArrayList<>();
        for (int q : op.qubits()) {
            int m = map.applyAsInt(q);
            if (m >= 0) {
                kept.add(m);
            }
        }
        if (kept.size() == op.qubits().size()) {
            return onQubits(op, kept);
        }
        return op instanceof Barrier && !kept.isEmpty() ? new Barrier(kept) : null;
    }

    /** The name shown for an operation: the gate's QASM name, or measure, reset, barrier. */
    public static String name(Operation op) {
        return switch (op) {
            case GateOperation g -> g.gate().qasmName();
            case Measurement m -> "measure";
            case Reset r -> "reset";
            case Barrier b -> "barrier";
        };
    }

    static void checkIndex(int index, int size, String what) {
        if (index < 0 || index >= size) {
            throw new UserInputException(what + " " + (index + 1) + " does not exist: the circuit has " + size + " operation(s)");
        }
    }
}
