package io.qubench.history;

import io.qubench.circuit.UserInputException;

/**
 * The history cannot be opened or written: a data directory that is not writable, a database
 * locked by another program, a corrupt file, a schema newer than this version knows. The
 * message names the path and what to do; front ends show it as it is.
 */
public class HistoryException extends UserInputException {

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
