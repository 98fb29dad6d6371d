package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QubenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void statusSaysForEachProviderWhetherAKeyIsSetWithoutShowingOne() {
        assertThat(run("credentials", "status", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("ibm").contains("ionq").contains("braket").contains("settings (");
    }

    @Test
    void configureKeepsProviderSettingsInTheDataDirectory() throws Exception {
        assertThat(run("credentials", "configure", "braketBucket", "amazon-braket-us-east-1-123", "--data-dir", dir.toString())).isZero();
        assertThat(run("credentials", "configure", "ibmRegion", "eu-de", "--data-dir", dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("providers.json"))).contains("amazon-braket-us-east-1-123").contains("eu-de");
        assertThat(run("credentials", "status", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("braketBucket=amazon-braket-us-east-1-123");
    }

    @Test
    void badSettingsAndUnknownAccountsAreRefusedNamingTheChoices() {
        assertThat(run("credentials", "configure", "ibmRegion", "mars", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("us-east or eu-de");
        assertThat(run("credentials", "forget", "dwave", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown account 'dwave'").contains("ibm, ionq");
    }

    @Test
    void withoutAKeyringOrTerminalTheKeyIsRefusedUntilAPassphraseIsGiven() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("FAKE-key-123\n".getBytes(StandardCharsets.UTF_8)));
            int code = run("credentials", "set", "ionq", "--data-dir", dir.toString());
            if (code != 0) {
                assertThat(code).isEqualTo(2);
                assertThat(err.toString()).contains("QUBENCH_PASSPHRASE").doesNotContain("FAKE-key-123");
            } else {
                assertThat(out.toString()).contains("key for ionq kept in").doesNotContain("FAKE-key-123");
            }
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void backendsSayWhichProvidersHaveNoCredentials() {
        assertThat(run("backends", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("ionq:forte-1").contains("no credentials (estimate only)");
    }
}
