package io.qubench.app.edit;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Operation;
import io.qubench.circuit.QuantumRegister;
import io.qubench.circuit.UserInputException;

/**
 * Removes one qubit: operations on it go (a barrier only loses that wire), later qubits move
 * up by one, and its register shrinks or, if it was its only qubit, disappears.
 */
public final class RemoveQubit extends CircuitEdit {

    private final int qubit;

    public RemoveQubit(CircuitDocument document, int qubit) {
        super(document);
        this.qubit = qubit;
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        if (qubit < 0 || qubit >= circuit.numQubits()) {
            throw new UserInputException("qubit " + qubit + " does not exist: the circuit has " + circuit.numQubits());
        }
        if (circuit.numQubits() == 1) {
            throw new UserInputException("cannot remove the last qubit: a circuit needs at least one");
        }
        CircuitBuilder b = Circuit.builder();
        for (QuantumRegister r : circuit.quantumRegisters()) {
            int size = r.contains(qubit) ? r.size() - 1 : r.size();
            if (size > 0) {
                b.addQuantumRegister(r.name(), size);
            }
        }
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            b.addClassicalRegister(r.name(), r.size());
        }
        circuit.definitions().forEach(b::define);
        for (Operation op : circuit.operations()) {
            Operation kept = Operations.renumbered(op, q -> q == qubit ? -1 : q > qubit ? q - 1 : q);
            if (kept != null) {
                b.add(kept);
            }
        }
        return b.build();
    }

    @Override
    public String description() {
        return "Remove qubit " + qubit;
    }
}
