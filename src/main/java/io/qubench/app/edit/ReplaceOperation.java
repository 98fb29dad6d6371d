package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;

/** Puts another operation in the place of one, e.g. the same gate with a new angle. */
public final class ReplaceOperation extends CircuitEdit {

    private final int index;
    private final Operation replacement;
    private final String description;

    public ReplaceOperation(CircuitDocument document, int index, Operation replacement, String description) {
        super(document);
        this.index = index;
        this.replacement = replacement;
        this.description = description;
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        List<Operation> ops = new ArrayList<>(circuit.operations());
        Operations.checkIndex(index, ops.size(), "operation");
        ops.set(index, replacement);
        return circuit.withOperations(ops);
    }

    @Override
    public String description() {
        return description;
    }
}
