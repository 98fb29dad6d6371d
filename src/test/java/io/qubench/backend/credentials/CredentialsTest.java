package io.qubench.backend.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    private SecretStore file() {
        return new EncryptedFileSecretStore(dir.resolve("secrets.bin"), "pw".toCharArray(), 1_000);
    }

    @Test
    void anEnvironmentVariableWinsOverTheStoreAsTheProvidersToolsDo() {
        SecretStore store = file();
        store.put("ibm", "FAKE-from-store");
        Credentials credentials = new Credentials(new EnvironmentSecrets(Map.of("QISKIT_IBM_TOKEN", "FAKE-from-env")), store);
        assertThat(credentials.key("ibm")).contains("FAKE-from-env");
        assertThat(credentials.source("ibm")).isEqualTo("environment variable QISKIT_IBM_TOKEN");
        assertThatThrownBy(() -> credentials.save("ibm", "other")).isInstanceOf(CredentialException.class)
                .hasMessageContaining("QISKIT_IBM_TOKEN").hasMessageNotContaining("FAKE");
    }

    @Test
    void aSavedKeyIsFoundAndItsSourceNamedWithoutTheKey() {
        Credentials credentials = new Credentials(new EnvironmentSecrets(Map.of()), file());
        assertThat(credentials.isSet("ionq")).isFalse();
        assertThat(credentials.source("ionq")).isEqualTo("not set");
        credentials.save("ionq", "  FAKE-ionq-key \n");
        assertThat(credentials.key("ionq")).contains("FAKE-ionq-key");
        assertThat(credentials.source("ionq")).startsWith("an encrypted file at").doesNotContain("FAKE");
        credentials.forget("ionq");
        assertThat(credentials.isSet("ionq")).isFalse();
    }

    @Test
    void anEmptyKeyIsNotSaved() {
        Credentials credentials = new Credentials(new EnvironmentSecrets(Map.of()), file());
        assertThatThrownBy(() -> credentials.save("ibm", "  ")).isInstanceOf(CredentialException.class);
    }

    @Test
    void onAMachineWithoutAKeyringTheFileIsUsedAndThePassphraseAskedOnlyWhenNeeded() {
        int[] asked = {0};
        Credentials credentials = Credentials.open(dir, () -> {
            asked[0]++;
            return "pw".toCharArray();
        });
        if (KeyringSecretStore.open().isEmpty()) {
            assertThat(asked[0]).isZero();
            credentials.save("ionq", "FAKE-k");
            assertThat(asked[0]).isEqualTo(1);
            assertThat(dir.resolve(Credentials.SECRETS_FILE)).exists();
        }
    }
}
