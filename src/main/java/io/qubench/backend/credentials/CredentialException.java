package io.qubench.backend.credentials;

import io.qubench.circuit.UserInputException;

/** A secret store cannot be used as asked: wrong passphrase, damaged file, no keyring. Never carries a secret. */
public final class CredentialException extends UserInputException {

    private static final long serialVersionUID = 1L;

    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
