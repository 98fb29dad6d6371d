package io.qubench.backend.credentials;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place provider keys are looked up: an environment variable if set (as the providers'
 * own tools do), else the secret store — the system keyring where there is one, an encrypted
 * file in the data directory otherwise.
 */
public final class Credentials {

    public static final String SECRETS_FILE = "secrets.bin";

    private final EnvironmentSecrets environment;
    private final SecretStore store;

    public Credentials(EnvironmentSecrets environment, SecretStore store) {
        this.environment = environment;
        this.store = store;
    }

    /**
     * The keyring if this machine has one, else an encrypted file in {@code dataDirectory}
     * whose passphrase {@code passphrase} supplies when it is first needed.
     */
    public static Credentials open(Path dataDirectory, Supplier<char[]> passphrase) {
        SecretStore store = KeyringSecretStore.open().orElseGet(() -> new LazyFileStore(dataDirectory.resolve(SECRETS_FILE), passphrase));
        return new Credentials(new EnvironmentSecrets(System.getenv()), store);
    }

    public Optional<String> key(String account) {
        return environment.get(account).or(() -> store.get(account));
    }

    public boolean isSet(String account) {
        return key(account).isPresent();
    }

    /** Where {@code account}'s key comes from, for the user; never the key itself. */
    public String source(String account) {
        return environment.variableFor(account).map(v -> "environment variable " + v).orElseGet(() -> {
            try {
                return store.get(account).isPresent() ? store.description() : "not set";
            } catch (CredentialException locked) {
                return "unknown: " + store.description() + " cannot be opened now (" + locked.getMessage() + ")";
            }
        });
    }

    public void save(String account, String secret) {
        environment.variableFor(account).ifPresent(v -> {
            throw new CredentialException("The key for " + account + " comes from the environment variable " + v
                    + "; change or unset it there");
        });
        if (secret == null || secret.isBlank()) {
            throw new CredentialException("An empty key for " + account + " was not saved");
        }
        store.put(account, secret.strip());
    }

    public void forget(String account) {
        store.delete(account);
    }

    /** Asks for the passphrase only when the file is first used, so start-up never blocks on it. */
    private static final class LazyFileStore implements SecretStore {
        private final Path file;
        private final Supplier<char[]> passphrase;
        private EncryptedFileSecretStore opened;

        LazyFileStore(Path file, Supplier<char[]> passphrase) {
            this.file = file;
            this.passphrase = passphrase;
        }

        private synchronized EncryptedFileSecretStore store() {
            if (opened == null) {
                opened = new EncryptedFileSecretStore(file, passphrase.get(), EncryptedFileSecretStore.DEFAULT_ITERATIONS);
            }
            return opened;
        }

        @Override
        public Optional<String> get(String account) {
            return java.nio.file.Files.exists(file) ? store().get(account) : Optional.empty();
        }

        @Override
        public void put(String account, String secret) {
            store().put(account, secret);
        }

        @Override
        public void delete(String account) {
            if (java.nio.file.Files.exists(file)) {
                store().delete(account);
            }
        }

        @Override
        public String description() {
            return "an encrypted file at " + file;
        }
    }
}
