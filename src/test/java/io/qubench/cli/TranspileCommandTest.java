package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;

class TranspileCommandTest {

    private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    /** A triangle of CX does not fit manila's line of qubits (0-1-2-3-4): routing must insert a SWAP. */
    private static final String TRIANGLE = HEADER
            + "qreg q[5];\ncreg c[5];\nx q[0];\ncx q[0], q[1];\ncx q[1], q[2];\ncx q[2], q[0];\nmeasure q -> c;\n";

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
    void transpilePrintsPhysicalQubitQasmThatReadsBackAndTheReportAsComments() throws IOException {
        Path file = write("triangle.qasm", TRIANGLE);
        assertThat(run("transpile", file.toString(), "--device", "manila")).isZero();
        String text = out.toString();
        assertThat(text).startsWith("OPENQASM 3.0;").contains("cx $").contains("= measure $")
                .contains("// swaps inserted: ").contains("// estimated success probability: ").doesNotContain("qubit[");
        Circuit back = QasmReader.parse(text, "out");
        assertThat(back.numClbits()).isEqualTo(5);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void transpileJsonHasTheQasmAndTheReport() throws IOException {
        Path file = write("triangle.qasm", TRIANGLE);
        assertThat(run("transpile", file.toString(), "--device", "nairobi", "--json", "--seed", "3")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.properties()).extracting(java.util.Map.Entry::getKey).containsExactly("qasm", "report");
        assertThat(json.get("qasm").asText()).startsWith("OPENQASM 3.0;");
        JsonNode report = json.get("report");
        assertThat(report.get("device").asText()).isEqualTo("nairobi");
        assertThat(report.get("seed").asLong()).isEqualTo(3);
        assertThat(report.get("before").get("two_qubit_gates").asInt()).isEqualTo(3);
        assertThat(report.get("initial_layout").size()).isEqualTo(5);
        assertThat(report.get("final_layout").has("q[4]")).isTrue();
        assertThat(report.get("estimated_success").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void theSameSeedPrintsTheSameCircuit() throws IOException {
        Path file = write("triangle.qasm", TRIANGLE);
        run("transpile", file.toString(), "--device", "hanoi", "--seed", "5");
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("transpile", file.toString(), "--device", "hanoi", "--seed", "5");
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void errorsExitWithTwoAndTheMessage() throws IOException {
        Path big = write("big.qasm", HEADER + "qreg q[6];\nh q;\n");
        assertThat(run("transpile", big.toString(), "--device", "manila")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot run on manila").contains("the circuit has 6 qubits but manila has 5");
        Path opaque = write("opaque.qasm", HEADER + "opaque magic a;\nqreg q[1];\nmagic q[0];\n");
        assertThat(run("transpile", opaque.toString(), "--device", "manila")).isEqualTo(2);
        assertThat(err.toString()).contains("gate magic is opaque");
        assertThat(run("transpile", big.toString(), "--device", "atlantis")).isEqualTo(2);
        assertThat(err.toString()).contains("known devices");
        assertThat(run("simulate", write("one.qasm", HEADER + "qreg q[1];\nh q[0];\n").toString(), "--device", "manila",
                "--shots", "200000")).isEqualTo(2);
        assertThat(err.toString()).contains("200000 shots exceed manila's maximum of 100000");
    }

    @Test
    void simulateOnADeviceRoutesTheCircuitAndKeysCountsByItsOwnBits() throws IOException {
        Path file = write("triangle.qasm", TRIANGLE);
        assertThat(run("simulate", file.toString(), "--device", "manila", "--json", "--shots", "2000", "--seed", "4")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("device").asText()).isEqualTo("manila");
        JsonNode counts = json.get("counts");
        // q[0] = 1, then q[1] = 1, q[2] = 1 and q[0] = 0: c = 00110, whatever device qubits they ran on.
        assertThat(counts.path("00110").asInt()).as(counts.toString()).isGreaterThan(1600);
        assertThat(json.get("transpile").get("swaps").asInt()).isPositive();
        assertThat(json.get("transpile").get("estimated_success").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void simulateOnADeviceMeasuresACircuitWithoutMeasurementsByItsOwnQubits() throws IOException {
        Path file = write("x.qasm", HEADER + "qreg q[3];\nx q[1];\n");
        assertThat(run("simulate", file.toString(), "--device", "hanoi", "--json", "--shots", "1000", "--seed", "4")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("counts").path("010").asInt()).as(json.get("counts").toString()).isGreaterThan(900);
        assertThat(json.get("measured").asText()).contains("all qubits");
    }

    /** GHZ on n qubits as a chain of CX, measured. */
    private static String ghz(int n) {
        StringBuilder s = new StringBuilder(HEADER + "qreg q[" + n + "];\ncreg c[" + n + "];\nh q[0];\n");
        for (int i = 0; i + 1 < n; i++) {
            s.append("cx q[").append(i).append("], q[").append(i + 1).append("];\n");
        }
        return s.append("measure q -> c;\n").toString();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"5, manila", "7, nairobi"})
    void theEstimatedSuccessIsNearTheHellingerFidelityOfTheNoisyGhzCounts(int n, String device) throws IOException {
        Path file = write("ghz.qasm", ghz(n));
        assertThat(run("simulate", file.toString(), "--device", device, "--json", "--shots", "20000", "--seed", "11")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        double zeros = json.get("counts").path("0".repeat(n)).asDouble() / 20000;
        double ones = json.get("counts").path("1".repeat(n)).asDouble() / 20000;
        double bhattacharyya = Math.sqrt(0.5 * zeros) + Math.sqrt(0.5 * ones);
        double hellingerFidelity = bhattacharyya * bhattacharyya;
        double estimated = json.get("transpile").get("estimated_success").asDouble();
        assertThat(hellingerFidelity).isLessThan(0.95);
        assertThat(estimated).isCloseTo(hellingerFidelity, org.assertj.core.data.Offset.offset(0.1));
    }
}
