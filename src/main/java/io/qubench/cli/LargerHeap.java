package io.qubench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same command again in a child JVM with a larger maximum heap. {@code java -jar}
 * gives a JVM a quarter of the machine by default, which stops state vectors at 28 qubits on
 * a 24 GiB machine; the child gets what the run needs, transparent huge pages as
 * {@code bin/qubench} has (they make first touch of fresh memory faster here), and the JIT and log settings {@code bin/qubench}
 * gave this one: without them its kernels compiled at the default thresholds (the warm-up waited)
 * and the JVM's warnings went to standard output, into the JSON.
 */
final class LargerHeap {

    static final String CHILD_PROPERTY = "qubench.child";

    private LargerHeap() {
    }

    /** True unless this process already is such a child (one restart at most). */
    static boolean allowed() {
        return System.getProperty(CHILD_PROPERTY) == null;
    }

    static List<String> command(long heapBytes, String[] args) {
        return command(heapBytes, args, java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The child's command line, keeping the JIT and log settings among this JVM's {@code flags}. */
    static List<String> command(long heapBytes, String[] args, List<String> flags) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(1, (heapBytes + (1L << 30) - 1) >> 30) + "g",
                "-XX:+UseTransparentHugePages",
                "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-D" + CHILD_PROPERTY + "=true"));
        flags.stream().filter(f -> f.startsWith("-XX:CompileCommand") || f.startsWith("-XX:CICompilerCount") || f.startsWith("-Xlog"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.qubench.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs the child with this process's standard streams and returns its exit code. */
    static int run(long heapBytes, String[] args) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command(heapBytes, args)).inheritIO().start();
        return child.waitFor();
    }
}
