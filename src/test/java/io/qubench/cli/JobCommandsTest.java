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

/** {@code qubench backends}, {@code estimate} and {@code submit}. */
class JobCommandsTest {

    private static final String BELL = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\n"
            + "cx q[0], q[1];\nmeasure q -> c;\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QubenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path bell() throws IOException {
        return Files.writeString(dir.resolve("bell.qasm"), BELL);
    }

    /** The history of these tests' jobs, never the user's. */
    private String data() {
        return dir.resolve("data").toString();
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void backendsListsTheLocalOnesWithStatusQueueAndPriceAndTheRemoteOnesWithPrices() throws IOException {
        assertThat(run("backends", "--json")).isZero();
        JsonNode rows = json();
        assertThat(rows.get(0).get("name").asText()).isEqualTo("local");
        assertThat(rows.get(1).get("name").asText()).isEqualTo("emulator:manila");
        assertThat(rows.get(1).get("status").asText()).isEqualTo("online");
        assertThat(rows.get(1).get("queue_length").asInt()).isZero();
        assertThat(rows.get(1).get("qubits").asInt()).isEqualTo(5);
        assertThat(rows.get(1).get("price").asText()).isEqualTo("free");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("name").asText()).isEqualTo("braket:forte-1");
            assertThat(r.get("price").asText()).isEqualTo("$0.3/task + $0.08/shot");
        });
        out.getBuffer().setLength(0);
        assertThat(run("backends")).isZero();
        assertThat(out.toString()).contains("emulator:kingston").contains("156");
    }

    @Test
    void estimateUsesThePublishedPricesOrTheUsersEditedOnes() throws IOException {
        Path file = bell();
        assertThat(run("estimate", file.toString(), "--backend", "braket:forte-1", "--shots", "100", "--json")).isZero();
        assertThat(json().get("total").asDouble()).isEqualTo(8.30, org.assertj.core.data.Offset.offset(1e-9));

        Path prices = dir.resolve("pricing.json");
        assertThat(run("backends", "--write-pricing", prices.toString())).isZero();
        Files.writeString(prices, Files.readString(prices).replace("\"perShot\" : 0.08", "\"perShot\" : 0.05"));
        out.getBuffer().setLength(0);
        assertThat(run("estimate", file.toString(), "--backend", "braket:forte-1", "--shots", "100", "--pricing",
                prices.toString())).isZero();
        assertThat(out.toString()).contains("100 shots: $5.3000");
    }

    @Test
    void anUnknownBackendExitsTwoNamingTheValidOnes() throws IOException {
        assertThat(run("estimate", bell().toString(), "--backend", "ibm:nowhere")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown backend 'ibm:nowhere'").contains("emulator:manila").contains("ionq:forte-1");
        assertThat(run("submit", bell().toString(), "--data-dir", data(), "--backend", "braket:nowhere")).isEqualTo(2);
    }

    @Test
    void submitWithWaitRunsOnTheEmulatorAndPrintsCountsAndTransitions() throws IOException {
        assertThat(run("submit", bell().toString(), "--data-dir", data(), "--backend", "emulator:nairobi", "--shots", "300", "--seed", "4",
                "--wait", "--json")).isZero();
        JsonNode job = json();
        assertThat(job.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("backend").asText()).isEqualTo("emulator:nairobi");
        assertThat(job.get("seed").asLong()).isEqualTo(4);
        int total = 0;
        for (JsonNode c : job.get("counts")) {
            total += c.asInt();
        }
        assertThat(total).isEqualTo(300);
        assertThat(job.get("transitions")).extracting(t -> t.get("to").asText())
                .containsExactly("CREATED", "VALIDATING", "QUEUED", "COMPLETED");
    }

    @Test
    void submitToAProviderWithoutItsSettingsOrKeyExitsTwoSayingWhatToSet() throws IOException {
        assertThat(run("submit", bell().toString(), "--data-dir", data(), "--backend", "ibm:manila", "--wait")).isEqualTo(2);
        assertThat(err.toString()).contains("IBM Quantum needs \"ibmInstanceCrn\"").contains("qubench credentials configure");
        assertThat(run("credentials", "configure", "ibmInstanceCrn", "crn:v1:test", "--data-dir", data())).isZero();
        if (System.getenv("QISKIT_IBM_TOKEN") == null && System.getenv("IQP_API_TOKEN") == null) {
            assertThat(run("submit", bell().toString(), "--data-dir", data(), "--backend", "ibm:manila", "--wait")).isEqualTo(2);
            assertThat(err.toString()).contains("IBM Quantum: no API key").contains("qubench credentials set ibm");
        }
    }

    @Test
    void submitRefusesACircuitTheDeviceCannotRunBeforeRunningIt() throws IOException {
        Path big = Files.writeString(dir.resolve("big.qasm"), "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\n"
                + "cx q[0], q[5];\n");
        assertThat(run("submit", big.toString(), "--data-dir", data(), "--backend", "emulator:manila", "--wait")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot run on emulator:manila").contains("6 qubits");
    }
}
