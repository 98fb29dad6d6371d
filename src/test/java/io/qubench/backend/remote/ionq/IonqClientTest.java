package io.qubench.backend.remote.ionq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.circuit.UserInputException;
import io.qubench.qasm.QasmReader;

class IonqClientTest {

    private static final String KEY = "FAKE-ionq-key-abcdef";
    private static final String BELL = """
            OPENQASM 2.0; include "qelib1.inc";
            qreg q[2]; creg c[2];
            h q[0]; cx q[0],q[1];
            measure q[0] -> c[0]; measure q[1] -> c[1];
            """;

    private final StubProviderServer server = newServer();
    private final IonqClient client = new IonqClient(server.uri("/v0.4"), () -> KEY, HttpClient.newHttpClient(),
            Duration.ofSeconds(20), Clock.systemUTC());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBellCircuitBecomesQisGatesWithControlAndTarget() {
        JsonNode input = IonqCircuit.of(QasmReader.parse(BELL, "bell.qasm")).input();
        assertThat(input.path("qubits").asInt()).isEqualTo(2);
        assertThat(input.path("gateset").asText()).isEqualTo("qis");
        assertThat(input.path("circuit").toString())
                .isEqualTo("[{\"gate\":\"h\",\"target\":0},{\"gate\":\"cnot\",\"control\":0,\"target\":1}]");
    }

    @Test
    void rotationsCarryTheirAngleAndOtherGatesAreTranslatedFirst() {
        JsonNode rotations = IonqCircuit.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; rz(pi/2) q[0]; rxx(0.25) q[0],q[1]; sdg q[1];", "r")).input();
        assertThat(rotations.path("circuit").get(0).path("rotation").asDouble()).isEqualTo(Math.PI / 2);
        assertThat(rotations.path("circuit").get(1).path("gate").asText()).isEqualTo("xx");
        assertThat(rotations.path("circuit").get(1).path("targets").toString()).isEqualTo("[0,1]");
        assertThat(rotations.path("circuit").get(2).path("gate").asText()).isEqualTo("si");

        JsonNode translated = IonqCircuit.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[3]; u(0.1,0.2,0.3) q[0]; ccx q[0],q[1],q[2];", "t")).input();
        for (JsonNode g : translated.path("circuit")) {
            assertThat(g.path("gate").asText()).isIn("rz", "v", "x", "cnot");
        }
    }

    @Test
    void midCircuitMeasurementResetAndConditionsAreRefusedNamingTheOperation() {
        assertThatThrownBy(() -> IonqCircuit.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; creg c[1]; measure q[0] -> c[0]; x q[0];", "m")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("operation 2").hasMessageContaining("after it was measured");
        assertThatThrownBy(() -> IonqCircuit.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; reset q[0];", "r")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("operation 1").hasMessageContaining("reset q[0]");
        assertThatThrownBy(() -> IonqCircuit.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; creg c[1]; if (c==1) x q[0];", "c")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("conditioned");
    }

    @Test
    void submitSendsTheDocumentedV04BodyWithTheKeyInMetadata() throws IOException {
        server.answer(r -> Reply.ok("{\"id\":\"ion-1\",\"status\":\"submitted\"}"));
        String id = client.submit("qpu.forte-1", IonqCircuit.of(QasmReader.parse(BELL, "bell")), 500, "key-3");

        assertThat(id).isEqualTo("ion-1");
        StubProviderServer.Request post = server.requests("POST", "/v0.4/jobs").getFirst();
        assertThat(post.header("Authorization")).isEqualTo("apiKey " + KEY);
        JsonNode body = new ObjectMapper().readTree(post.body());
        assertThat(body.path("type").asText()).isEqualTo("ionq.circuit.v1");
        assertThat(body.path("backend").asText()).isEqualTo("qpu.forte-1");
        assertThat(body.path("shots").asInt()).isEqualTo(500);
        assertThat(body.path("metadata").path("qubench_key").asText()).isEqualTo("key-3");
        assertThat(body.path("input").path("circuit").size()).isEqualTo(2);
    }

    @Test
    void aJobCreatedBeforeATimeoutIsFoundByItsKey() {
        server.answer(r -> Reply.ok("{\"jobs\":[{\"id\":\"a\",\"metadata\":{\"qubench_key\":\"x\"}},"
                + "{\"id\":\"b\",\"metadata\":{\"qubench_key\":\"key-3\"}}]}"));
        assertThat(client.findJobByKey("key-3")).contains("b");
        assertThat(client.findJobByKey("nope")).isEmpty();
    }

    @Test
    void statusesMapToOurStatesWithTheFailureReason() {
        server.answer(r -> Reply.ok("{\"id\":\"j\",\"status\":\"failed\",\"failure\":{\"error\":\"too many qubits\",\"code\":\"BadRequest\"}}"));
        IonqJobStatus failed = client.status("j");
        assertThat(failed.state()).isEqualTo(IonqJobStatus.State.FAILED);
        assertThat(failed.failure()).isEqualTo("too many qubits");
        server.answer(r -> Reply.ok("{\"id\":\"j\",\"status\":\"started\"}"));
        assertThat(client.status("j").state()).isEqualTo(IonqJobStatus.State.RUNNING);
        server.answer(r -> Reply.ok("{\"id\":\"j\",\"status\":\"sleeping\"}"));
        assertThatThrownBy(() -> client.status("j")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
    }

    @Test
    void probabilitiesBecomeCountsOnTheCircuitsClassicalBitsAddingUpToTheShots() {
        // q0 -> c[1], q1 -> c[0]: state 1 (q0=1) reads c = "10".
        IonqCircuit swapped = IonqCircuit.of(QasmReader.parse("""
                OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[2];
                x q[0]; measure q[0] -> c[1]; measure q[1] -> c[0];""", "s"));
        server.answer(r -> Reply.ok("{\"1\":0.333,\"0\":0.334,\"3\":0.333}"));
        var counts = client.counts("j", swapped, 100);
        assertThat(counts).containsOnlyKeys("10", "00", "11");
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(counts.get("00")).isEqualTo(34);
    }

    @Test
    void largestRemainderRoundingKeepsTheTotal() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("a", 1 / 3.0);
        p.put("b", 1 / 3.0);
        p.put("c", 1 / 3.0);
        assertThat(io.qubench.backend.remote.WholeCounts.of(p, 10).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void cancelUsesThePutStatusCancelEndpoint() {
        server.answer(r -> Reply.ok("{\"id\":\"j\",\"status\":\"canceled\"}"));
        client.cancel("j");
        assertThat(server.requests("PUT", "/v0.4/jobs/j/status/cancel")).hasSize(1);
    }

    @Test
    void backendsAreListedWithStatusAndQueue() {
        server.answer(r -> Reply.ok("[{\"backend\":\"qpu.forte-1\",\"status\":\"available\",\"qubits\":36,"
                + "\"average_queue_time\":1181215,\"last_updated\":1700000000,\"degraded\":false}]"));
        assertThat(client.backends()).singleElement().satisfies(b -> {
            assertThat(b.backend()).isEqualTo("qpu.forte-1");
            assertThat(b.qubits()).isEqualTo(36);
            assertThat(b.status()).isEqualTo("available");
        });
    }

    @Test
    void anInvalidKeyIsUnauthorizedAndTheMessageHoldsNoKey() {
        server.answer(r -> Reply.json(401, "{\"error\":\"Invalid key provided\"}"));
        assertThatThrownBy(() -> client.status("j")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("IonQ").contains("401").doesNotContain(KEY);
        });
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
