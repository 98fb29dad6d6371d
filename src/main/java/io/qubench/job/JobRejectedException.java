package io.qubench.job;

import io.qubench.circuit.UserInputException;

/** A submission refused before anything was spent: the circuit cannot run there, or the queue is full. */
public final class JobRejectedException extends UserInputException {

    public JobRejectedException(String message) {
        super(message);
    }
}
