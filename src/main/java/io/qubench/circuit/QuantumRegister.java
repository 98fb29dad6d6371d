package io.qubench.circuit;

/** A named block of qubits; {@code offset} is the index of its first qubit in the circuit. */
public record QuantumRegister(String name, int size, int offset) {

    public QuantumRegister {
        Names.requireIdentifier(name, "quantum register");
        if (size < 1) {
            throw new CircuitException("quantum register '" + name + "' must have at least one qubit, not " + size);
        }
    }

    /** The circuit-wide index of qubit {@code index} of this register. */
    public int qubit(int index) {
        if (index < 0 || index >= size) {
            throw new CircuitException("index " + index + " is out of range for " + name + "[" + size + "]");
        }
        return offset + index;
    }

    public boolean contains(int qubit) {
        return qubit >= offset && qubit < offset + size;
    }
}
