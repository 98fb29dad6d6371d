package io.qubench.circuit;

/**
 * An error the user caused (bad input, a circuit that cannot run here) as opposed to a bug.
 * Front ends show the message as it is, next to its cause, and the CLI exits with status 2.
 */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
