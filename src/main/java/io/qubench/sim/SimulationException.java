package io.qubench.sim;

import io.qubench.circuit.UserInputException;

/** A circuit that cannot be simulated as asked: too large, an unbound parameter, bad options. */
public class SimulationException extends UserInputException {

    public SimulationException(String message) {
        super(message);
    }
}
