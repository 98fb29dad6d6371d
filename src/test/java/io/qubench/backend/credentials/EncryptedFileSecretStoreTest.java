package io.qubench.backend.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileSecretStoreTest {

    /** Few iterations keep the tests fast; the format records the count, so any count reads back. */
    private static final int FAST = 1_000;
    private static final String KEY = "FAKE-ibm-key-7f3a9c";

    @TempDir
    Path dir;

    @Test
    void aSavedKeyReadsBackWithTheSamePassphrase() {
        Path file = dir.resolve("secrets.bin");
        new EncryptedFileSecretStore(file, "correct horse".toCharArray(), FAST).put("ibm", KEY);
        assertThat(new EncryptedFileSecretStore(file, "correct horse".toCharArray(), FAST).get("ibm")).contains(KEY);
        assertThat(new EncryptedFileSecretStore(file, "correct horse".toCharArray(), FAST).get("ionq")).isEmpty();
    }

    @Test
    void theFileHoldsNoKeyInClearAndOnlyItsOwnerMayReadIt() throws IOException {
        Path file = dir.resolve("secrets.bin");
        new EncryptedFileSecretStore(file, "pw".toCharArray(), FAST).put("ibm", KEY);
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(KEY).doesNotContain("ibm");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheFileIsLeftAsItWas() throws IOException {
        Path file = dir.resolve("secrets.bin");
        new EncryptedFileSecretStore(file, "right".toCharArray(), FAST).put("ibm", KEY);
        byte[] before = Files.readAllBytes(file);

        EncryptedFileSecretStore wrong = new EncryptedFileSecretStore(file, "wrong".toCharArray(), FAST);
        assertThatThrownBy(() -> wrong.get("ibm")).isInstanceOf(CredentialException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> wrong.put("ionq", "x")).isInstanceOf(CredentialException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(new EncryptedFileSecretStore(file, "right".toCharArray(), FAST).get("ibm")).contains(KEY);
    }

    @Test
    void aDamagedOrForeignFileIsRefusedNamingIt() throws IOException {
        Path file = dir.resolve("secrets.bin");
        Files.writeString(file, "this is not a secrets file at all, just text");
        assertThatThrownBy(() -> new EncryptedFileSecretStore(file, "pw".toCharArray(), FAST).get("ibm"))
                .isInstanceOf(CredentialException.class).hasMessageContaining(file.toString()).hasMessageContaining("damaged");

        new EncryptedFileSecretStore(file.resolveSibling("ok.bin"), "pw".toCharArray(), FAST).put("ibm", KEY);
        byte[] bytes = Files.readAllBytes(file.resolveSibling("ok.bin"));
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> new EncryptedFileSecretStore(file, "pw".toCharArray(), FAST).get("ibm"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("damaged");
    }

    @Test
    void deletingAKeyKeepsTheOthers() {
        Path file = dir.resolve("secrets.bin");
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(file, "pw".toCharArray(), FAST);
        store.put("ibm", KEY);
        store.put("ionq", "FAKE-ionq");
        store.delete("ibm");
        assertThat(store.get("ibm")).isEmpty();
        assertThat(store.get("ionq")).contains("FAKE-ionq");
    }

    @Test
    void anEmptyPassphraseIsRefused() {
        assertThatThrownBy(() -> new EncryptedFileSecretStore(dir.resolve("s"), new char[0], FAST))
                .isInstanceOf(CredentialException.class).hasMessageContaining("empty passphrase");
    }
}
