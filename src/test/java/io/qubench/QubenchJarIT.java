package io.qubench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/qubench.jar} in a child JVM, exactly as the README says. */
class QubenchJarIT {

    private static final Path JAR = Path.of("target", "qubench.jar");

    private record Outcome(int exit, String out, String err) {
    }

    private Outcome qubench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("qubench finished").isTrue();
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theJarSimulatesASampleHeadless() throws Exception {
        Outcome o = qubench("simulate", "samples/bell.qasm", "--shots", "500", "--seed", "3", "--json");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("{\"qubits\":2,\"clbits\":2,\"shots\":500,\"seed\":3,\"counts\":{\"00\":");
    }

    @Test
    void theJarExitsWithTwoAndAPositionOnBadQasm(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.qasm"), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nfoo q[0];\n");
        Outcome o = qubench("simulate", bad.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("bad.qasm:4:1:").doesNotContain("Exception");
    }

    @Test
    void theJarPrintsItsVersion() throws Exception {
        Outcome o = qubench("--version");
        assertThat(o.exit()).isZero();
        assertThat(o.out()).startsWith("Qubench ");
    }
}
