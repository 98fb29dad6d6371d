package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;

/** Deletes operations by their positions in the operation list. */
public final class RemoveOperations extends CircuitEdit {

    private final SortedSet<Integer> indices;

    public RemoveOperations(CircuitDocument document, Collection<Integer> indices) {
        super(document);
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("nothing to remove");
        }
        this.indices = new TreeSet<>(indices);
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        List<Operation> ops = new ArrayList<>(circuit.operations());
        for (int i : indices) {
            Operations.checkIndex(i, ops.size(), "operation");
        }
        for (int i : indices.reversed()) {
            ops.remove(i);
        }
        return circuit.withOperations(ops);
    }

    @Override
    public String description() {
        return indices.size() == 1 ? "Delete operation" : "Delete " + indices.size() + " operations";
    }
}
