package io.qubench.backend.remote.braket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.circuit.Circuit;
import io.qubench.job.InMemoryJobStore;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.qasm.QasmReader;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The Braket adapter driven by the job service against a stub Braket and S3 on loopback. */
class BraketBackendTest {

    private static final Circuit GHZ = QasmReader.parse("""
            OPENQASM 2.0; include "qelib1.inc"; qreg q[3]; creg c[3];
            h q[0]; cx q[0],q[1]; cx q[1],q[2]; measure q -> c;""", "ghz.qasm");

    private final StubProviderServer server = newServer();
    private final BraketTasks tasks = BraketTasks.create(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "FAKEsecret")), Optional.of(server.uri("")),
            Duration.ofMillis(1_500));
    private final BraketBackend sv1 = new BraketBackend("sv1", tasks, "amazon-braket-test", "qubench");
    private final List<String> clientTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();

    @AfterEach
    void stop() {
        tasks.close();
        server.close();
    }

    @Test
    void aJobOnSv1CompletesWithCountsFromTheResultsInS3AndOneTaskAcrossRetries() {
        AtomicInteger creates = new AtomicInteger();
        server.answer(r -> {
            if (r.method().equals("GET") && r.path().startsWith("/device/")) {
                return Reply.ok("{\"deviceArn\":\"x\",\"deviceName\":\"SV1\",\"deviceStatus\":\"ONLINE\",\"deviceType\":\"SIMULATOR\","
                        + "\"providerName\":\"Amazon Braket\",\"deviceQueueInfo\":[],\"deviceCapabilities\":\"{}\"}");
            }
            if (r.method().equals("POST") && r.path().equals("/quantum-task")) {
                try {
                    clientTokens.add(new ObjectMapper().readTree(r.body()).path("clientToken").asText());
                } catch (IOException e) {
                    return Reply.json(400, "{}");
                }
                return creates.incrementAndGet() == 1
                        ? Reply.json(500, "{\"message\":\"try again\"}").withHeader("x-amzn-ErrorType", "InternalServiceException")
                        : Reply.ok("{\"quantumTaskArn\":\"arn:aws:braket:us-east-1:1:quantum-task/t-1\"}");
            }
            if (r.method().equals("GET") && r.path().startsWith("/quantum-task/")) {
                String status = polls.incrementAndGet() < 2 ? "QUEUED" : "COMPLETED";
                return Reply.ok("{\"quantumTaskArn\":\"arn:aws:braket:us-east-1:1:quantum-task/t-1\",\"status\":\"" + status + "\","
                        + "\"deviceArn\":\"x\",\"shots\":4,\"createdAt\":\"2026-12-01T12:00:00Z\",\"outputS3Bucket\":\"amazon-braket-test\","
                        + "\"outputS3Directory\":\"qubench/t-1\",\"deviceParameters\":\"{}\"}");
            }
            if (r.method().equals("GET") && r.path().equals("/amazon-braket-test/qubench/t-1/results.json")) {
                return Reply.ok("{\"measuredQubits\":[0,1,2],\"measurements\":[[0,0,0],[1,1,1],[1,1,1],[0,0,0]]}");
            }
            return Reply.json(404, "{\"message\":\"no route " + r.path() + "\"}");
        });
        JobService jobs = JobService.builder(name -> sv1, Runnable::run).store(new InMemoryJobStore()).sleeper(d -> { })
                .pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();

        JobRecord job = jobs.current(jobs.submit(GHZ, "braket:sv1", 4, JobOptions.defaults()).id());

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.counts()).containsExactly(Map.entry("000", 2), Map.entry("111", 2));
        assertThat(clientTokens).hasSize(2).doesNotContainNull().allMatch(t -> t.equals(clientTokens.getFirst()));
    }

    @Test
    void aTaskThatFailsAfterSomeShotsEndsPartialWithTheShotsItRan() {
        server.answer(r -> {
            if (r.method().equals("GET") && r.path().startsWith("/device/")) {
                return Reply.ok("{\"deviceArn\":\"x\",\"deviceName\":\"SV1\",\"deviceStatus\":\"ONLINE\",\"deviceType\":\"SIMULATOR\","
                        + "\"providerName\":\"Amazon Braket\",\"deviceQueueInfo\":[],\"deviceCapabilities\":\"{}\"}");
            }
            if (r.method().equals("POST") && r.path().equals("/quantum-task")) {
                return Reply.ok("{\"quantumTaskArn\":\"arn:aws:braket:us-east-1:1:quantum-task/t-2\"}");
            }
            if (r.method().equals("GET") && r.path().startsWith("/quantum-task/")) {
                return Reply.ok("{\"quantumTaskArn\":\"arn:aws:braket:us-east-1:1:quantum-task/t-2\",\"status\":\"FAILED\","
                        + "\"failureReason\":\"device calibration started\",\"numSuccessfulShots\":3,"
                        + "\"deviceArn\":\"x\",\"shots\":4,\"createdAt\":\"2026-12-01T12:00:00Z\",\"outputS3Bucket\":\"amazon-braket-test\","
                        + "\"outputS3Directory\":\"qubench/t-2\",\"deviceParameters\":\"{}\"}");
            }
            if (r.method().equals("GET") && r.path().equals("/amazon-braket-test/qubench/t-2/results.json")) {
                return Reply.ok("{\"measuredQubits\":[0,1,2],\"measurements\":[[0,0,0],[1,1,1],[1,1,1]]}");
            }
            return Reply.json(404, "{\"message\":\"no route " + r.path() + "\"}");
        });
        JobService jobs = JobService.builder(name -> sv1, Runnable::run).store(new InMemoryJobStore()).sleeper(d -> { })
                .pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();

        JobRecord job = jobs.current(jobs.submit(GHZ, "braket:sv1", 4, JobOptions.defaults()).id());

        assertThat(job.state()).isEqualTo(JobState.PARTIAL);
        assertThat(job.shotsCompleted()).isEqualTo(3);
        assertThat(job.counts()).containsExactly(Map.entry("000", 1), Map.entry("111", 2));
        assertThat(job.reason()).contains("device calibration started");
    }

    @Test
    void aCircuitLargerThanSv1IsRefusedNamingTheLimit() {
        StringBuilder big = new StringBuilder("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[35]; h q[0];");
        assertThat(sv1.validate(QasmReader.parse(big.toString(), "big.qasm"), 10)).singleElement().asString()
                .contains("35 qubits").contains("braket:sv1").contains("34");
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
