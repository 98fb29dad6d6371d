package io.qubench.circuit;

/** A named block of classical bits; {@code offset} is the index of its first bit in the circuit. */
public record ClassicalRegister(String name, int size, int offset) {

    public ClassicalRegister {
        Names.requireIdentifier(name, "classical register");
        if (size < 1) {
            throw new CircuitException("classical register '" + name + "' must have at least one bit, not " + size);
        }
    }

    /** The circuit-wide index of bit {@code index} of this register. */
    public int clbit(int index) {
        if (index < 0 || index >= size) {
            throw new CircuitException("index " + index + " is out of range for " + name + "[" + size + "]");
        }
        return offset + index;
    }

    public boolean contains(int clbit) {
        return clbit >= offset && clbit < offset + size;
    }
}
