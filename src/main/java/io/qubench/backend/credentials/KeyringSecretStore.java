package io.qubench.backend.credentials;

import java.util.Optional;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

/** The operating system's keyring through java-keyring. Absent on headless Linux without a Secret Service. */
public final class KeyringSecretStore implements SecretStore {

    static final String SERVICE = "io.qubench";

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The system keyring if this machine has a working one. */
    public static Optional<SecretStore> open() {
        try {
            Keyring keyring = Keyring.create();
            try {
                keyring.getPassword(SERVICE, "probe");
            } catch (PasswordAccessException notFound) {
                // No entry, but the keyring answered: it works.
            }
            return Optional.of(new KeyringSecretStore(keyring));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, account));
        } catch (PasswordAccessException notFound) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String account, String secret) {
        try {
            keyring.setPassword(SERVICE, account, secret);
        } catch (PasswordAccessException e) {
            throw new CredentialException("The system keyring refused to store the key for " + account, e);
        }
    }

    @Override
    public void delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
        } catch (PasswordAccessException notThere) {
            // Deleting what is not there leaves the keyring as asked.
        }
    }

    @Override
    public String description() {
        return "the system keyring";
    }
}
