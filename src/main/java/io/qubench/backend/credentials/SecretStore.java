package io.qubench.backend.credentials;

import java.util.Optional;

/**
 * Where provider API keys are kept. Keys never go to the history database, logs, exports or
 * reports; they are read from here when a call needs them and held only as long as it lasts.
 */
public interface SecretStore {

    /** The secret kept for {@code account} (e.g. {@code ibm}, {@code ionq}, {@code braket}), if any. */
    Optional<String> get(String account);

    void put(String account, String secret);

    void delete(String account);

    /** Where the secrets are, in words for the user: "the system keyring", "an encrypted file at …". */
    String description();
}
