package io.qubench.app.edit;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.QuantumRegister;
import io.qubench.circuit.UserInputException;

/** Adds a classical register after the existing ones (a measurement on a circuit without bits needs one). */
public final class AddClassicalRegister extends CircuitEdit {

    private final String name;
    private final int size;

    public AddClassicalRegister(CircuitDocument document, String name, int size) {
        super(document);
        this.name = name;
        this.size = size;
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        CircuitBuilder b = Circuit.builder();
        for (QuantumRegister r : circuit.quantumRegisters()) {
            if (r.name().equals(name)) {
                throw new UserInputException("a register named '" + name + "' already exists");
            }
            b.addQuantumRegister(r.name(), r.size());
        }
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            if (r.name().equals(name)) {
                throw new UserInputException("a register named '" + name + "' already exists");
            }
            b.addClassicalRegister(r.name(), r.size());
        }
        b.addClassicalRegister(name, size);
        circuit.definitions().forEach(b::define);
        circuit.operations().forEach(b::add);
        return b.build();
    }

    @Override
    public String description() {
        return "Add register " + name + "[" + size + "]";
    }
}
