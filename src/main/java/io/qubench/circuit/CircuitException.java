package io.qubench.circuit;

/** A circuit that is structurally wrong: an index out of range, a repeated qubit, a wrong arity. */
public final class CircuitException extends UserInputException {

    public CircuitException(String message) {
        super(message);
    }
}
