package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/qubench.jar} finds the migrations, Flyway's H2 support and the H2
 * driver after shading. Only the test's own helper classes come from outside the jar.
 */
class HistoryJarIT {

    @TempDir
    Path tmp;

    @Test
    void theShadedJarCreatesMigratesAndWritesTheHistory() throws Exception {
        String classpath = Path.of("target", "qubench.jar") + File.pathSeparator + Path.of("target", "test-classes");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                HistoryChildProcess.class.getName(), "write", tmp.resolve("data").toString(), "3", "jar")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("committed "));
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp.resolve("data")))) {
            assertThat(db.runs().list(RunQuery.newest(10).onBackend("jar"))).hasSize(3);
        }
    }
}
