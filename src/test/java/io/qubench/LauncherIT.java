package io.qubench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/qubench}, the command the README gives, from a copy of the project's layout
 * (bin/ and target/qubench.jar), so that its ahead-of-time cache is made, used and remade there.
 */
class LauncherIT {

    private static final Path BELL = Path.of("samples", "bell.qasm").toAbsolutePath();

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/qubench").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        // The first run also trains the cache: a 17-qubit simulation, several seconds here.
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("bin/qubench finished").isTrue();
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Path layout(Path dir, boolean withJar) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("target"));
        Path launcher = Files.copy(Path.of("bin", "qubench"), dir.resolve("bin/qubench"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        if (withJar) {
            Files.copy(Path.of("target", "qubench.jar"), dir.resolve("target/qubench.jar"));
        }
        return dir;
    }

    private static void assertBellJson(Outcome o) {
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("{\"qubits\":2,\"clbits\":2,\"shots\":500,\"seed\":3,\"counts\":{\"00\":");
    }

    @Test
    void theLauncherMakesItsCacheOnceUsesItAndRemakesItWhenTheJarIsNewer(@TempDir Path dir) throws Exception {
        Path home = layout(dir, true);
        Path jar = home.resolve("target/qubench.jar");
        Path cache = home.resolve("target/qubench.aot");

        assertBellJson(run(home, "simulate", BELL.toString(), "--shots", "500", "--seed", "3", "--json"));
        assertThat(cache).exists();
        long made = Files.size(cache);
        assertThat(made).isGreaterThan(1 << 20);

        // Used as it is: the second run leaves it alone and prints nothing about it.
        FileTime stamp = Files.getLastModifiedTime(cache);
        Outcome second = run(home, "simulate", BELL.toString(), "--shots", "500", "--seed", "3", "--json");
        assertBellJson(second);
        assertThat(second.err()).doesNotContain("[aot]");
        assertThat(Files.getLastModifiedTime(cache)).isEqualTo(stamp);

        // A rebuilt jar makes the cache stale: it is trained again, not used.
        Files.writeString(cache, "stale");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(cache).toMillis() + 5_000));
        assertBellJson(run(home, "simulate", BELL.toString(), "--shots", "500", "--seed", "3", "--json"));
        assertThat(Files.size(cache)).isGreaterThan(1 << 20);
    }

    @Test
    void anUnreadableCacheOnlyWarnsOnStderrAndTheJsonStaysClean(@TempDir Path dir) throws Exception {
        Path home = layout(dir, true);
        Path cache = Files.writeString(home.resolve("target/qubench.aot"), "not a cache");
        Files.setLastModifiedTime(cache, FileTime.fromMillis(Files.getLastModifiedTime(home.resolve("target/qubench.jar")).toMillis() + 5_000));

        Outcome o = run(home, "simulate", BELL.toString(), "--shots", "500", "--seed", "3", "--json");
        assertBellJson(o);
        assertThat(o.err()).contains("[aot]");
    }

    /** Class files before Java 6 are left out of the cache (picocli's were, 60 ms of every start): the build rewrites them. */
    @Test
    void theJarHoldsNoClassFileTooOldForTheCache() throws Exception {
        List<String> old = new ArrayList<>();
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(Path.of("target", "qubench.jar").toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class")) {
                    try (java.io.InputStream in = jar.getInputStream(e)) {
                        byte[] head = in.readNBytes(8);
                        if (((head[6] & 0xff) << 8 | (head[7] & 0xff)) < 50) {
                            old.add(e.getName());
                        }
                    }
                }
            }
        }
        assertThat(old).isEmpty();
    }

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildItAndExitsWithTwo(@TempDir Path dir) throws Exception {
        Outcome o = run(layout(dir, false), "--version");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("target/qubench.jar is missing").contains("mvn -q package -DskipTests");
        assertThat(o.out()).isEmpty();
    }
}
