package io.qubench.app.edit;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.QuantumRegister;

/** Adds a qubit at the end of the last quantum register (or a register {@code q[1]} to a circuit without one). */
public final class AddQubit extends CircuitEdit {

    public AddQubit(CircuitDocument document) {
        super(document);
    }

    @Override
    protected Circuit apply(Circuit circuit) {
        CircuitBuilder b = Circuit.builder();
        var registers = circuit.quantumRegisters();
        for (int i = 0; i < registers.size(); i++) {
            QuantumRegister r = registers.get(i);
            b.addQuantumRegister(r.name(), i == registers.size() - 1 ? r.size() + 1 : r.size());
        }
        if (registers.isEmpty()) {
            b.addQuantumRegister("q", 1);
        }
        for (ClassicalRegister r : circuit.classicalRegisters()) {
            b.addClassicalRegister(r.name(), r.size());
        }
        circuit.definitions().forEach(b::define);
        circuit.operations().forEach(b::add);
        return b.build();
    }

    @Override
    public String description() {
        return "Add qubit";
    }
}
