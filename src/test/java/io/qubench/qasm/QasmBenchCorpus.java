package io.qubench.qasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The QASMBench corpus copied into the test resources (with its licence), for every test that reads it. */
public final class QasmBenchCorpus {

    /**
     * Files that are not valid OpenQASM as published: they measure registers they never
     * declare. They must fail with exactly this located error, not parse by guesswork.
     */
    public static final Map<String, String> INVALID_UPSTREAM = Map.of(
            "small/hhl_n10/hhl_n10.qasm", "186801:9: undeclared register \"q\"",
            "small/vqe_uccsd_n4/vqe_uccsd_n4.qasm", "225:9: undeclared register \"q\"",
            "small/vqe_uccsd_n6/vqe_uccsd_n6.qasm", "2286:9: undeclared register \"q\"",
            "small/vqe_uccsd_n8/vqe_uccsd_n8.qasm", "10813:9: undeclared register \"q\"");

    private QasmBenchCorpus() {
    }

    public static Path root() {
        try {
            return Path.of(QasmBenchCorpus.class.getResource("/qasmbench").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every .qasm file, sorted, as paths relative to the corpus root. */
    public static List<String> files() {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".qasm")).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files that are valid OpenQASM. */
    public static List<String> validFiles() {
        return files().stream().filter(f -> !INVALID_UPSTREAM.containsKey(f)).toList();
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
