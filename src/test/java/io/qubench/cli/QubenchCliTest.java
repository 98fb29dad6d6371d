package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.qasm.QasmReader;

class QubenchCliTest {

    private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    private static final String BELL = HEADER + "qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QubenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void simulatePrintsJsonCountsInQiskitBitOrder() throws IOException {
        Path file = write("x.qasm", HEADER + "qreg q[3];\ncreg c[3];\nx q[0];\nmeasure q -> c;\n");
        assertThat(run("simulate", file.toString(), "--shots", "100", "--seed", "5", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("qubits").asInt()).isEqualTo(3);
        assertThat(json.get("clbits").asInt()).isEqualTo(3);
        assertThat(json.get("shots").asInt()).isEqualTo(100);
        assertThat(json.get("seed").asLong()).isEqualTo(5);
        assertThat(json.get("counts").properties()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo("001");
            assertThat(e.getValue().asInt()).isEqualTo(100);
        });
        assertThat(json.get("elapsed_ms").isNumber()).isTrue();
        assertThat(json.has("statevector")).isFalse();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void simulateWithTheSameSeedIsReproducible() throws IOException {
        Path file = write("bell.qasm", BELL);
        run("simulate", file.toString(), "--seed", "99", "--json");
        String first = new ObjectMapper().readTree(out.toString()).get("counts").toString();
        out.getBuffer().setLength(0);
        run("simulate", file.toString(), "--seed", "99", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get("counts").toString()).isEqualTo(first);
        assertThat(first).contains("\"00\"").contains("\"11\"").doesNotContain("\"01\"");
    }

    @Test
    void statevectorOptionPrintsAmplitudePairsIndexedByQubit() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--statevector", "--json", "--seed", "1")).isZero();
        JsonNode sv = new ObjectMapper().readTree(out.toString()).get("statevector");
        assertThat(sv).hasSize(4);
        double r = Math.sqrt(0.5);
        assertThat(sv.get(0).get(0).asDouble()).isCloseTo(r, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sv.get(3).get(0).asDouble()).isCloseTo(r, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sv.get(1).get(0).asDouble()).isZero();
    }

    @Test
    void simulatePrintsAReadableTableByDefault() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--seed", "3", "--shots", "1000")).isZero();
        assertThat(out.toString()).contains("2 qubits, 2 clbits, 1000 shots, seed 3").containsPattern("(?m)^00 +\\d+");
    }

    @Test
    void expectGivesTheExactPauliExpectationsOfTheStateBeforeTheFinalMeasurements() throws IOException {
        Path file = write("bell.qasm", BELL);
        // The stabilizer engine runs the counts, and the values come from its tableau.
        assertThat(run("simulate", file.toString(), "--seed", "3", "--shots", "10", "--expect", "zz,XX,YY,ZI,Z", "--json")).isZero();
        JsonNode values = new ObjectMapper().readTree(out.toString()).get("expectations");
        assertThat(values.properties()).extracting(Map.Entry::getKey).containsExactly("ZZ", "XX", "YY", "ZI", "Z");
        assertThat(values.get("ZZ").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(values.get("XX").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(values.get("YY").asDouble()).isCloseTo(-1, within(1e-12));
        assertThat(values.get("ZI").asDouble()).isCloseTo(0, within(1e-12));
        assertThat(values.get("Z").asDouble()).isCloseTo(0, within(1e-12));
        out.getBuffer().setLength(0);
        assertThat(run("simulate", file.toString(), "--expect", "ZZ,IX", "--precision", "single")).isZero();
        assertThat(out.toString()).contains("expectation values").containsPattern("(?m)^  <ZZ>  \\+1\\.000000$")
                .containsPattern("(?m)^  <IX>  \\+0\\.000000$");
    }

    /** A state vector of 200 qubits could not be held: the values come from the tableau the counts come from. */
    @Test
    void expectOnAWideCliffordCircuitIsReadFromTheStabilizerTableau() throws IOException {
        StringBuilder qasm = new StringBuilder(HEADER + "qreg q[200];\ncreg c[200];\nh q[0];\n");
        for (int q = 0; q < 199; q++) {
            qasm.append("cx q[").append(q).append("], q[").append(q + 1).append("];\n");
        }
        Path file = write("ghz200.qasm", qasm.append("measure q -> c;\n").toString());
        assertThat(run("simulate", file.toString(), "--seed", "5", "--shots", "100", "--json",
                "--expect", "Z" + "I".repeat(61) + "Z,X,XX,IZ")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("engine").asText()).isEqualTo("stabilizer");
        JsonNode values = json.get("expectations");
        assertThat(values.get("Z" + "I".repeat(61) + "Z").asDouble()).isEqualTo(1);
        assertThat(values.get("X").asDouble()).isZero();
        assertThat(values.get("XX").asDouble()).isZero();
        assertThat(values.get("IZ").asDouble()).isZero();
        assertThat(json.get("counts").properties()).extracting(Map.Entry::getKey).containsOnly("0".repeat(200), "1".repeat(200));
        out.getBuffer().setLength(0);
        assertThat(run("simulate", file.toString(), "--seed", "5", "--shots", "100", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("counts")).isEqualTo(json.get("counts"));
    }

    /** On the state-vector and density engines the values are read from the run the counts come from. */
    @Test
    void expectLeavesTheCountsOfARunWithTheSameSeedAsTheyWere() throws IOException {
        Path file = write("ghz.qasm", HEADER + "qreg q[3];\ncreg c[3];\nh q[0];\nry(0.4) q[1];\ncx q[0], q[2];\nmeasure q -> c;\n");
        for (String[] engine : List.of(new String[] {"--engine", "statevector"}, new String[] {"--noise", "depolarizing=0.05"})) {
            List<String> args = new java.util.ArrayList<>(List.of("simulate", file.toString(), "--seed", "11", "--shots", "400", "--json"));
            args.addAll(List.of(engine));
            assertThat(run(args.toArray(String[]::new))).isZero();
            JsonNode without = new ObjectMapper().readTree(out.toString());
            out.getBuffer().setLength(0);
            args.addAll(List.of("--expect", "ZIZ,IXI"));
            assertThat(run(args.toArray(String[]::new))).isZero();
            JsonNode with = new ObjectMapper().readTree(out.toString());
            out.getBuffer().setLength(0);
            assertThat(with.get("engine")).isEqualTo(without.get("engine"));
            assertThat(with.get("counts")).as(String.join(" ", engine)).isEqualTo(without.get("counts"));
            assertThat(with.get("expectations").get("IXI").asDouble()).isCloseTo((engine[0].equals("--noise") ? 0.95 : 1) * Math.sin(0.4), within(1e-9));
        }
    }

    @Test
    void expectWithNoiseGivesTheValuesOfTheNoisyDensityMatrix() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--noise", "depolarizing=0.1", "--expect", "ZZ,XX", "--json")).isZero();
        JsonNode values = new ObjectMapper().readTree(out.toString()).get("expectations");
        assertThat(values.get("ZZ").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(values.get("XX").asDouble()).isCloseTo(0.81, within(1e-12));
        out.getBuffer().setLength(0);
        Path wide = write("wide.qasm", HEADER + "qreg q[16];\nh q;\n");
        assertThat(run("simulate", wide.toString(), "--noise", "depolarizing=0.1", "--engine", "density", "--expect", "ZZ"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("16-qubit density matrix").contains("drop --noise");
        assertThat(out.toString()).isEmpty();
    }

    /**
     * Above 12 qubits a noisy run goes to trajectories, and so do its expectation values: the mean
     * over the shots' trajectories with its standard error. Each qubit of h q is |+⟩ and ends,
     * after one depolarizing channel (1 − p)ρ + p·I/2 of p = 0.1, with ⟨X⟩ = 1 − p per qubit.
     */
    @Test
    void expectWithNoiseOnManyQubitsEstimatesOverTheTrajectoriesWithAStandardError() throws IOException {
        Path wide = write("wide.qasm", HEADER + "qreg q[16];\nh q;\n");
        assertThat(run("simulate", wide.toString(), "--noise", "depolarizing=0.1", "--shots", "2000", "--seed", "4",
                "--expect", "X,XX,Z", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("engine").asText()).isEqualTo("trajectory");
        double x = 1 - 0.1;
        JsonNode values = json.get("expectations");
        JsonNode errors = json.get("expectation_standard_errors");
        assertThat(errors.get("X").asDouble()).isBetween(0.001, 0.05);
        assertThat(values.get("X").asDouble()).isCloseTo(x, within(4 * errors.get("X").asDouble()));
        assertThat(values.get("XX").asDouble()).isCloseTo(x * x, within(4 * errors.get("XX").asDouble()));
        assertThat(values.get("Z").asDouble()).isCloseTo(0, within(4 * errors.get("Z").asDouble()));
        out.getBuffer().setLength(0);
        assertThat(run("simulate", wide.toString(), "--noise", "depolarizing=0.1", "--shots", "500", "--expect", "X")).isZero();
        assertThat(out.toString()).contains("mean over 500 noisy trajectories").containsPattern("(?m)^  <X>  \\+0\\.\\d{6} ± 0\\.\\d{6}$");
        out.getBuffer().setLength(0);
        assertThat(run("simulate", wide.toString(), "--noise", "depolarizing=0.1", "--shots", "1", "--expect", "X")).isEqualTo(2);
        assertThat(err.toString()).contains("--shots 2 or more");
        assertThat(out.toString()).isEmpty();
    }

    /** Refused before anything runs: exit 2 and what is wrong with which string. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a letter that is no Pauli | ZQ                 |                                 | 'Q' at position 2
            more letters than qubits  | ZZZ                |                                 | 'ZZZ' has 3 letters
            a device run              | ZZ                 | --device=manila                 | cannot be combined with --device
            """)
    void badExpectIsAClearErrorWithExitCodeTwo(String what, String pauli, String extra, String names) throws IOException {
        Path file = write("bell.qasm", BELL);
        String[] args = extra == null ? new String[] {"simulate", file.toString(), "--expect", pauli}
                : new String[] {"simulate", file.toString(), "--expect", pauli, extra};
        assertThat(run(args)).as(what).isEqualTo(2);
        assertThat(err.toString()).contains("--expect").contains(names).doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void expectOfACircuitThatMeasuresMidCircuitNamesWhy() throws IOException {
        Path file = write("mid.qasm", HEADER + "qreg q[2];\ncreg c[2];\nh q[0];\nmeasure q[0] -> c[0];\ncx q[0], q[1];\n");
        assertThat(run("simulate", file.toString(), "--expect", "ZZ")).isEqualTo(2);
        assertThat(err.toString()).contains("--expect").contains("qubit 0 is used after it is measured");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void qasmCommandConvertsBetweenVersionsAndTheOutputReadsBack() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("qasm", file.toString(), "--to", "3")).isZero();
        String v3 = out.toString();
        assertThat(v3).startsWith("OPENQASM 3").contains("qubit[2] q;");
        assertThat(QasmReader.parse(v3, "v3")).isEqualTo(QasmReader.parse(BELL, "v2"));
        out.getBuffer().setLength(0);
        assertThat(run("qasm", file.toString(), "--to", "2")).isZero();
        assertThat(out.toString()).startsWith("OPENQASM 2.0;");
    }

    /** Bad input: a message naming what and where on stderr, exit 2, never a stack trace. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown gate           | qreg q[2];\\nfoo q[0];                 | bad.qasm:4:1:  | foo
            wrong arity            | qreg q[2];\\ncx q[0];                  | bad.qasm:4:    | cx
            wrong parameter count  | qreg q[2];\\nrx q[0];                  | bad.qasm:4:    | rx
            index out of range     | qreg q[2];\\nh q[2];                   | bad.qasm:4:    | out of range
            undeclared register    | qreg q[2];\\nh r[0];                   | bad.qasm:4:    | r
            unterminated statement | qreg q[2];\\nh q[0]                    | bad.qasm:      | ;
            a 40-qubit circuit     | qreg q[40];\\nrx(0.3) q;               | needs          | 40-qubit
            """)
    void badInputIsAClearErrorWithExitCodeTwo(String what, String body, String where, String names) throws IOException {
        Path file = write("bad.qasm", HEADER + body.replace("\\n", "\n") + "\n");
        assertThat(run("simulate", file.toString())).as(what).isEqualTo(2);
        assertThat(err.toString()).contains(where).contains(names).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileIsReportedByName() {
        assertThat(run("simulate", dir.resolve("missing.qasm").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.qasm").contains("not found");
    }

    @Test
    void aFortyQubitCliffordCircuitRunsOnTheStabilizerEngine() throws IOException {
        Path file = write("big.qasm", HEADER + "qreg q[40];\ncreg c[40];\nh q[0];\ncx q[0], q[39];\nmeasure q -> c;\n");
        assertThat(run("simulate", file.toString(), "--json", "--seed", "4")).isZero();
        assertThat(out.toString()).contains("\"engine\":\"stabilizer\"").contains("\"1000000000000000000000000000000000000001\"");
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        Path file = write("empty.qasm", "");
        assertThat(run("simulate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("empty.qasm").contains("empty");
    }

    @Test
    void aBinaryFileIsReported() throws IOException {
        Path file = Files.write(dir.resolve("image.qasm"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, (byte) 0xff});
        assertThat(run("simulate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("image.qasm").contains("not a text file");
    }

    @Test
    void aTenMegabyteFileOfGarbageFailsFastAtItsFirstLine() throws IOException {
        Path file = Files.write(dir.resolve("big.qasm"), "@".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII));
        assertThat(run("simulate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("big.qasm:1:");
    }

    @Test
    void aTenMegabyteValidFileSimulates() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER + "qreg q[2];\ncreg c[2];\n");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("x q[0];\ncx q[0], q[1];\n");
        }
        sb.append("measure q -> c;\n");
        Path file = write("big.qasm", sb.toString());
        assertThat(run("simulate", file.toString(), "--shots", "10", "--json")).isZero();
        assertThat(out.toString()).contains("\"counts\"");
    }

    @Test
    void anOpaqueGateCannotBeSimulated() throws IOException {
        Path file = write("opaque.qasm", HEADER + "opaque magic a;\nqreg q[1];\nmagic q[0];\n");
        assertThat(run("simulate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("magic").contains("opaque");
    }

    @Test
    void badOptionsAreUserErrors() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--shots", "many")).isEqualTo(2);
        assertThat(run("simulate", file.toString(), "--shots", "-5")).isEqualTo(2);
        assertThat(run("qasm", file.toString(), "--to", "4")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void theEngineCanBeChosenAndIsReported() throws IOException {
        Path file = write("bell.qasm", BELL);
        run("simulate", file.toString(), "--json", "--seed", "2");
        assertThat(out.toString()).contains("\"engine\":\"stabilizer\"");
        out.getBuffer().setLength(0);
        run("simulate", write("t.qasm", HEADER + "qreg q[1];\ncreg c[1];\nt q[0];\nmeasure q -> c;\n").toString(), "--json");
        assertThat(out.toString()).contains("\"engine\":\"statevector\"");
        out.getBuffer().setLength(0);
        run("simulate", file.toString(), "--json", "--seed", "2", "--engine", "reference");
        assertThat(out.toString()).contains("\"engine\":\"reference\"");
        assertThat(run("simulate", file.toString(), "--engine", "quantum-magic")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown engine 'quantum-magic'").contains("statevector");
    }

    @Test
    void benchReportsTimesAndRates() throws IOException {
        assertThat(run("bench", "--circuit", "ghz", "--qubits", "8", "--repeat", "2", "--engine", "statevector", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("qubits").asInt()).isEqualTo(8);
        assertThat(json.get("gates").asInt()).isEqualTo(8);
        assertThat(json.get("engine").asText()).isEqualTo("statevector");
        assertThat(json.get("runs")).hasSize(2);
        assertThat(json.get("gates_per_second").asLong()).isPositive();
        assertThat(json.get("copy_bandwidth_gbs").asDouble()).isPositive();
    }

    @Test
    void benchEmitsItsCircuitAsQasm() {
        assertThat(run("bench", "--circuit", "qft", "--qubits", "3", "--emit")).isZero();
        assertThat(QasmReader.parse(out.toString(), "emitted").numQubits()).isEqualTo(3);
    }

    @Test
    void benchRunsAFile() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("bench", "--circuit", file.toString(), "--repeat", "1", "--engine", "reference")).isZero();
        assertThat(out.toString()).contains("-2 on reference");
    }

    @Test
    void noiseSendsTheRunToTheDensityMatrixAndBadNoiseIsAUserError() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--json", "--noise", "depolarizing=0.1,readout=0.05", "--seed", "3")).isZero();
        assertThat(out.toString()).contains("\"engine\":\"density\"").contains("\"01\"");
        assertThat(run("simulate", file.toString(), "--noise", "depolarizing=2")).isEqualTo(2);
        assertThat(err.toString()).contains("--noise").contains("depolarizing probability p");
        assertThat(run("simulate", file.toString(), "--noise", "readout=0.1", "--engine", "stabilizer")).isEqualTo(2);
        assertThat(err.toString()).contains("without noise");
    }

    @Test
    void devicesListsTheShippedSnapshots() throws IOException {
        assertThat(run("devices", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json).hasSize(6);
        assertThat(json.get(0).get("name").asText()).isEqualTo("manila");
        assertThat(json.get(0).get("qubits").asInt()).isEqualTo(5);
        assertThat(json.get(5).get("basis_gates").toString()).contains("cz");
        out.getBuffer().setLength(0);
        assertThat(run("devices")).isZero();
        assertThat(out.toString()).contains("kingston").contains("156").contains("emulated");
    }

    @Test
    void aDeviceGivesItsCalibratedNoise() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--device", "manila", "--json", "--shots", "4000", "--seed", "2")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("engine").asText()).isEqualTo("density");
        assertThat(json.get("device").asText()).isEqualTo("manila");
        int wrong = json.get("counts").path("01").asInt() + json.get("counts").path("10").asInt();
        assertThat(wrong).as("noisy Bell pair has some 01 and 10").isBetween(20, 600);
    }

    @Test
    void aCircuitThatDoesNotFitTheDeviceIsRefusedWithTheReason() throws IOException {
        Path big = write("big.qasm", HEADER + "qreg q[6];\nh q;\n");
        assertThat(run("simulate", big.toString(), "--device", "manila")).isEqualTo(2);
        assertThat(err.toString()).contains("the circuit has 6 qubits but manila has 5");
        assertThat(run("simulate", big.toString(), "--device", "atlantis")).isEqualTo(2);
        assertThat(err.toString()).contains("known devices");
    }

    @Test
    void helpListsTheSubCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("simulate").contains("qasm").contains("budget").contains("help");
    }

    @Test
    void aRunBuildsOnlyTheSubCommandItNamesAndHelpUsageAndMistakesSeeThemAll() {
        assertThat(QubenchCli.commandLine(new String[] {"simulate", "x.qasm"}).getSubcommands()).containsOnlyKeys("simulate");
        int all = QubenchCli.SUBCOMMANDS.size();
        assertThat(QubenchCli.commandLine(new String[] {"help", "simulate"}).getSubcommands()).hasSize(all);
        assertThat(QubenchCli.commandLine(new String[] {"--help"}).getSubcommands()).hasSize(all);
        assertThat(QubenchCli.commandLine(new String[] {"simulat"}).getSubcommands()).hasSize(all);
        assertThat(QubenchCli.commandLine(new String[0]).getSubcommands()).hasSize(all);
    }

    @Test
    void helpForOneSubCommandAndAMistypedOneStillWork() {
        assertThat(run("help", "simulate")).isZero();
        assertThat(out.toString()).contains("Usage: qubench simulate");
        assertThat(run("simulate", "--help")).isZero();
        assertThat(out.toString()).contains("--shots");
        assertThat(run("simulat", "x.qasm")).isEqualTo(2);
        assertThat(err.toString()).contains("simulat").contains("simulate");
    }

    @Test
    void parametersOfTheJsonAreExactlyTheDocumentedOnes() throws IOException {
        Path file = write("bell.qasm", BELL);
        run("simulate", file.toString(), "--json", "--seed", "2");
        Map<String, Object> json = new ObjectMapper().readValue(out.toString(), new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() { });
        assertThat(json.keySet()).containsExactly("qubits", "clbits", "shots", "seed", "counts", "elapsed_ms", "engine", "precision");
    }

    @Test
    void singlePrecisionRunsOnTheStateVectorAndIsReported() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--json", "--seed", "2", "--precision", "single", "--statevector")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("engine").asText()).isEqualTo("statevector");
        assertThat(json.get("precision").asText()).isEqualTo("single");
        assertThat(json.get("statevector").get(0).get(0).asDouble()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        out.getBuffer().setLength(0);
        run("simulate", file.toString(), "--json", "--seed", "2");
        assertThat(new ObjectMapper().readTree(out.toString()).get("precision").asText()).isEqualTo("double");
        out.getBuffer().setLength(0);
        assertThat(run("simulate", file.toString(), "--seed", "2", "--precision", "single")).isZero();
        assertThat(out.toString()).contains("statevector engine in single precision");
    }

    @Test
    void aBadPrecisionOrOneTheEngineLacksIsAUserError() throws IOException {
        Path file = write("bell.qasm", BELL);
        assertThat(run("simulate", file.toString(), "--precision", "half")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown precision 'half'").contains("double, single");
        err.getBuffer().setLength(0);
        assertThat(run("simulate", file.toString(), "--precision", "single", "--engine", "stabilizer")).isEqualTo(2);
        assertThat(err.toString()).contains("the stabilizer engine computes in double precision only");
        err.getBuffer().setLength(0);
        assertThat(run("simulate", file.toString(), "--precision", "single", "--noise", "depolarizing=0.01")).isEqualTo(2);
        assertThat(err.toString()).contains("double precision only");
        assertThat(run("bench", "--circuit", "ghz", "--qubits", "4", "--precision", "quad")).isEqualTo(2);
    }

    @Test
    void benchReportsThePrecision() throws IOException {
        assertThat(run("bench", "--circuit", "ghz", "--qubits", "8", "--repeat", "1", "--engine", "statevector", "--precision",
                "single", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("precision").asText()).isEqualTo("single");
        assertThat(json.get("engine").asText()).isEqualTo("statevector");
        assertThat(json.has("equivalent_bandwidth_gbs")).isTrue();
    }
}
