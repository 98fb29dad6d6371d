package io.qubench.backend.remote.braket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.backend.remote.TerminalMeasurements;
import io.qubench.qasm.QasmReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class BraketTasksTest {

    private static final String SV1 = "arn:aws:braket:::device/quantum-simulator/amazon/sv1";
    private static final String TASK = "arn:aws:braket:us-east-1:123456789012:quantum-task/abc-1";
    private static final String SECRET = "FAKEsecretKEY0123456789";

    private final StubProviderServer server = newServer();
    private final BraketTasks braket = braket(Duration.ofSeconds(20));

    @AfterEach
    void stop() {
        braket.close();
        server.close();
    }

    @Test
    void createSendsAnOpenQasmActionWithTheIdempotencyKeyAsClientTokenSignedWithSigV4() throws IOException {
        server.answer(r -> Reply.ok("{\"quantumTaskArn\":\"" + TASK + "\"}"));
        String arn = braket.createTask(SV1, "OPENQASM 3.0;\nqubit[1] q;\nh q[0];", 100, "my-bucket", "qubench/tasks", "key-1");

        assertThat(arn).isEqualTo(TASK);
        StubProviderServer.Request create = server.requests("POST", "/quantum-task").getFirst();
        JsonNode body = new ObjectMapper().readTree(create.body());
        assertThat(body.path("deviceArn").asText()).isEqualTo(SV1);
        assertThat(body.path("shots").asLong()).isEqualTo(100);
        assertThat(body.path("clientToken").asText()).isEqualTo("key-1");
        assertThat(body.path("outputS3Bucket").asText()).isEqualTo("my-bucket");
        JsonNode action = new ObjectMapper().readTree(body.path("action").asText());
        assertThat(action.path("braketSchemaHeader").path("name").asText()).isEqualTo("braket.ir.openqasm.program");
        assertThat(action.path("source").asText()).startsWith("OPENQASM 3.0;");
        assertThat(create.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDFAKE/").doesNotContain(SECRET);
    }

    @Test
    void statusReadsStateQueuePositionAndOutputDirectory() {
        server.answer(r -> Reply.ok(task("QUEUED", "\"queueInfo\":{\"queue\":\"QUANTUM_TASKS_QUEUE\",\"position\":\"4\"},")));
        BraketTaskStatus status = braket.status(TASK);
        assertThat(status.state()).isEqualTo(BraketTaskStatus.State.QUEUED);
        assertThat(status.queuePosition()).contains("4");
        assertThat(status.outputS3Directory()).isEqualTo("qubench/tasks/abc-1");
        assertThat(server.requests().getFirst().path()).contains("additionalAttributeNames=QueueInfo");

        server.answer(r -> Reply.ok(task("FAILED", "\"failureReason\":\"device offline\",")));
        assertThat(braket.status(TASK)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(BraketTaskStatus.State.FAILED);
            assertThat(s.failureReason()).isEqualTo("device offline");
            assertThat(s.terminal()).isTrue();
        });
    }

    @Test
    void resultsFromS3BecomeCountsOnTheCircuitsClassicalBits() {
        TerminalMeasurements bell = TerminalMeasurements.of(QasmReader.parse("""
                OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[2];
                h q[0]; cx q[0],q[1]; measure q[0] -> c[0]; measure q[1] -> c[1];""", "bell"), "Amazon Braket");
        server.answer(r -> r.path().equals("/my-bucket/qubench/tasks/abc-1/results.json")
                ? Reply.ok("{\"measuredQubits\":[0,1],\"measurements\":[[0,0],[1,1],[1,1],[1,0]]}")
                : Reply.json(404, "{}"));
        BraketTaskStatus done = new BraketTaskStatus(BraketTaskStatus.State.COMPLETED, "", Optional.empty(), "my-bucket",
                "qubench/tasks/abc-1");
        assertThat(braket.counts(done, bell, 4)).containsExactly(Map.entry("00", 1), Map.entry("01", 1), Map.entry("11", 2));
    }

    @Test
    void probabilityOnlyResultsAreRoundedToTheShots() {
        TerminalMeasurements one = TerminalMeasurements.of(QasmReader.parse(
                "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; creg c[1]; h q[0]; measure q[0] -> c[0];", "h"), "Amazon Braket");
        server.answer(r -> Reply.ok("{\"measuredQubits\":[0],\"measurementProbabilities\":{\"0\":0.5,\"1\":0.5}}"));
        BraketTaskStatus done = new BraketTaskStatus(BraketTaskStatus.State.COMPLETED, "", Optional.empty(), "b", "d");
        assertThat(braket.counts(done, one, 10)).containsExactly(Map.entry("0", 5), Map.entry("1", 5));
    }

    @Test
    void throttlingIsRateLimitedAndServiceFailuresAreRetryable() {
        server.answer(r -> Reply.json(429, "{\"message\":\"Rate exceeded\"}").withHeader("x-amzn-ErrorType", "ThrottlingException"));
        assertThatThrownBy(() -> braket.status(TASK)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
        });
        server.answer(r -> Reply.json(500, "{\"message\":\"boom\"}").withHeader("x-amzn-ErrorType", "InternalServiceException"));
        assertThatThrownBy(() -> braket.status(TASK)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
        server.answer(r -> Reply.json(400, "{\"message\":\"shots out of range\"}").withHeader("x-amzn-ErrorType", "ValidationException"));
        assertThatThrownBy(() -> braket.createTask(SV1, "x", 0, "b", "p", "k")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("shots out of range");
        });
        server.answer(r -> Reply.json(403, "{\"message\":\"not authorized\"}").withHeader("x-amzn-ErrorType", "AccessDeniedException"));
        assertThatThrownBy(() -> braket.status(TASK)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        server.answer(r -> Reply.ok(task("QUEUED", "")).after(5_000));
        assertThatThrownBy(() -> braket(Duration.ofMillis(300)).status(TASK)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void cancelSendsTheClientToken() throws IOException {
        server.answer(r -> Reply.ok("{\"quantumTaskArn\":\"" + TASK + "\",\"cancellationStatus\":\"CANCELLING\"}"));
        braket.cancel(TASK, "key-1");
        StubProviderServer.Request cancel = server.requests("PUT", "/quantum-task/").getFirst();
        assertThat(cancel.path()).endsWith("/cancel");
        assertThat(new ObjectMapper().readTree(cancel.body()).path("clientToken").asText()).isEqualTo("key-1");
    }

    @Test
    void deviceStatusQueueAndPriceComeFromGetDevice() {
        server.answer(r -> Reply.ok("""
                {"deviceArn":"%s","deviceName":"SV1","deviceStatus":"ONLINE","deviceType":"SIMULATOR","providerName":"Amazon Braket",
                 "deviceQueueInfo":[{"queue":"QUANTUM_TASKS_QUEUE","queueSize":"12","queuePriority":"Normal"},
                                    {"queue":"JOBS_QUEUE","queueSize":"3"}],
                 "deviceCapabilities":"{\\"service\\":{\\"deviceCost\\":{\\"price\\":0.075,\\"unit\\":\\"minute\\"}}}"}""".formatted(SV1)));
        BraketTasks.DeviceInfo device = braket.device(SV1);
        assertThat(device.status()).isEqualTo("ONLINE");
        assertThat(device.queuedTasks()).isEqualTo(12);
        assertThat(device.price()).contains(0.075);
        assertThat(device.priceUnit()).isEqualTo("minute");
    }

    @Test
    void clientTokensAreCutToBraketsLimit() {
        assertThat(BraketTasks.clientToken("x".repeat(80))).hasSize(64);
    }

    private BraketTasks braket(Duration timeout) {
        return BraketTasks.create(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", SECRET)),
                Optional.of(server.uri("")), timeout);
    }

    private static String task(String status, String extra) {
        return """
                {"quantumTaskArn":"%s","status":"%s",%s"deviceArn":"%s","shots":100,"createdAt":"2026-12-01T12:00:00Z",
                 "outputS3Bucket":"my-bucket","outputS3Directory":"qubench/tasks/abc-1","deviceParameters":"{}"}"""
                .formatted(TASK, status, extra, SV1);
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
