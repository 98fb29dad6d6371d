package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.UserInputException;

/**
 * Moves an operation to another place in time and, possibly, onto other qubits: it is taken
 * out of position {@code from} and {@code moved} is inserted at {@code to}, a position in the
 * list without it.
 */
public final class MoveOperation extends CircuitEdit {

    private final int from;
    private final int to;
    private final List<Integer> qubits;

    public MoveOperation(CircuitDocument document, int from, int to, List<Integer> qubits) {
        super(document);
        this.from = from;
        this.to = to;
        this.qubits = List.copyOf(qubits);
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        List<Operation> ops = new ArrayList<>(circuit.operations());
        Operations.checkIndex(from, ops.size(), "operation");
        Operation moved = Operations.onQubits(ops.remove(from), qubits);
        if (to < 0 || to > ops.size()) {
            throw new UserInputException("cannot move to position " + to + ": the circuit has " + ops.size() + " other operation(s)");
        }
        ops.add(to, moved);
        return circuit.withOperations(ops);
    }

    @Override
    public String description() {
        return "Move operation";
    }
}
