package io.qubench.app.edit;

import java.util.ArrayList;
import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.UserInputException;

/** Inserts one operation at a position of the operation list (the end is {@code size()}). */
public final class AddOperation extends CircuitEdit {

    private final int index;
    private final Operation operation;

    public AddOperation(CircuitDocument document, int index, Operation operation) {
        super(document);
        this.index = index;
        this.operation = operation;
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        if (index < 0 || index > circuit.operations().size()) {
            throw new UserInputException("cannot insert at position " + index + ": the circuit has "
                    + circuit.operations().size() + " operation(s)");
        }
        List<Operation> ops = new ArrayList<>(circuit.operations());
        ops.add(index, operation);
        return circuit.withOperations(ops);
    }

    @Override
    public String description() {
        return "Add " + Operations.name(operation);
    }
}
