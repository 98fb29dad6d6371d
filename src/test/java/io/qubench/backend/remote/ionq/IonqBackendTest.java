package io.qubench.backend.remote.ionq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.Backend;
import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.circuit.Circuit;
import io.qubench.job.InMemoryCostLedger;
import io.qubench.job.InMemoryJobStore;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.qasm.QasmReader;

/** The IonQ adapter driven by the job service against a stub IonQ on loopback. */
class IonqBackendTest {

    private static final Circuit BELL = QasmReader.parse("""
            OPENQASM 2.0; include "qelib1.inc"; qreg q[2]; creg c[2];
            h q[0]; cx q[0],q[1]; measure q[0] -> c[0]; measure q[1] -> c[1];""", "bell.qasm");

    private final StubProviderServer server = newServer();
    private final StubIonq ionq = new StubIonq();
    private final IonqBackend backend = new IonqBackend("forte-1",
            new IonqClient(server.uri("/v0.4"), () -> "FAKE-key", HttpClient.newHttpClient(), Duration.ofMillis(1_500), Clock.systemUTC()));
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final JobService jobs = JobService.builder(name -> resolve(name), Runnable::run).store(store).ledger(ledger)
            .sleeper(d -> { }).pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();

    @AfterEach
    void stop() {
        server.close();
    }

    private Backend resolve(String name) {
        assertThat(name).isEqualTo("ionq:forte-1");
        return backend;
    }

    @Test
    void aJobRunsThroughQueuedRunningAndCompletedWithCountsOnTheClassicalBits() {
        server.answer(ionq::answer);
        JobRecord job = jobs.current(jobs.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults()).id());

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.counts()).containsExactly(Map.entry("00", 500), Map.entry("11", 500));
        assertThat(job.transitions()).extracting(t -> t.to()).containsSubsequence(JobState.QUEUED, JobState.RUNNING, JobState.COMPLETED);
        assertThat(ionq.created).hasSize(1);
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsRetriedWithoutASecondIonqJob() {
        ionq.loseFirstCreateAnswer = true;
        server.answer(ionq::answer);
        JobRecord job = jobs.current(jobs.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults()).id());

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(ionq.created).as("IonQ jobs created").hasSize(1);
        assertThat(job.providerJobIds()).containsExactly(ionq.created.getFirst());
        assertThat(job.notes()).anyMatch(n -> n.contains("TIMEOUT"));
        assertThat(ledger.charges()).hasSize(1);
    }

    @Test
    void rateLimitsAndServerErrorsWhilePollingAreRetriedAndTheJobCompletes() {
        ionq.pollFaults.add(Reply.json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1"));
        ionq.pollFaults.add(Reply.json(502, "{\"error\":\"bad gateway\"}"));
        server.answer(ionq::answer);
        JobRecord job = jobs.current(jobs.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults()).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.notes()).anyMatch(n -> n.contains("RATE_LIMITED")).anyMatch(n -> n.contains("SERVER_ERROR"));
    }

    @Test
    void aJobIonqFailsEndsFailedWithIonqsReason() {
        ionq.failWith = "circuit too deep for the device";
        server.answer(ionq::answer);
        JobRecord job = jobs.current(jobs.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults()).id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).contains("circuit too deep for the device");
    }

    @Test
    void aCircuitIonqCannotRunIsRefusedBeforeAnythingIsSent() {
        server.answer(ionq::answer);
        Circuit midMeasure = QasmReader.parse("""
                OPENQASM 2.0; include "qelib1.inc"; qreg q[1]; creg c[2];
                measure q[0] -> c[0]; x q[0]; measure q[0] -> c[1];""", "m.qasm");
        assertThat(backend.validate(midMeasure, 100)).singleElement().asString().contains("after it was measured");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.submit(midMeasure, "ionq:forte-1", 100, JobOptions.defaults()))
                .hasMessageContaining("after it was measured");
        assertThat(ionq.created).isEmpty();
    }

    @Test
    void afterARestartAJobAlreadyAtIonqIsPolledAgainAndItsCountsReadOnTheClassicalBits() {
        server.answer(ionq::answer);
        java.util.Deque<Runnable> neverRun = new java.util.ArrayDeque<>();
        JobService before = JobService.builder(name -> backend, neverRun::add).store(store).ledger(ledger).sleeper(d -> { }).build();
        JobRecord queued = before.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults());
        String pid = backend.submit(new io.qubench.backend.Submission(queued.submissionKey("ionq:forte-1"), BELL, 1000, 1));
        JobRecord.Draft sent = queued.edit();
        sent.state = JobState.RUNNING;
        sent.backend = "ionq:forte-1";
        sent.providerJobId = pid;
        store.save(sent.build());

        // A new process: a new adapter that never saw the submission.
        IonqBackend restarted = new IonqBackend("forte-1",
                new IonqClient(server.uri("/v0.4"), () -> "FAKE-key", HttpClient.newHttpClient(), Duration.ofSeconds(20), Clock.systemUTC()));
        JobService after = JobService.builder(name -> restarted, Runnable::run).store(store).ledger(ledger).sleeper(d -> { })
                .pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();
        assertThat(after.recover()).isEqualTo(1);

        JobRecord job = after.current(queued.id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.counts()).containsExactly(Map.entry("00", 500), Map.entry("11", 500));
        assertThat(ionq.created).hasSize(1);
    }

    @Test
    void cancellingAJobCancelsItAtIonq() {
        ionq.staysQueued = true;
        server.answer(ionq::answer);
        JobService async = JobService.builder(name -> backend, r -> new Thread(r).start()).store(store).ledger(ledger)
                .sleeper(d -> { }).pollInterval(Duration.ofMillis(20), Duration.ofMillis(20)).build();
        JobRecord job = async.submit(BELL, "ionq:forte-1", 1000, JobOptions.defaults());
        long until = System.currentTimeMillis() + 10_000;
        while (async.current(job.id()).providerJobId() == null && System.currentTimeMillis() < until) {
            Thread.onSpinWait();
        }
        assertThat(async.cancel(job.id())).isTrue();
        assertThat(async.current(job.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(server.requests("PUT", "/v0.4/jobs/")).anyMatch(r -> r.path().endsWith("/status/cancel"));
    }

    /** IonQ's documented job shapes, with faults on demand. */
    private static final class StubIonq {
        final List<String> created = new CopyOnWriteArrayList<>();
        final Map<String, String> keyOf = new ConcurrentHashMap<>();
        final List<Reply> pollFaults = new CopyOnWriteArrayList<>();
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean loseFirstCreateAnswer;
        volatile boolean staysQueued;
        volatile String failWith;

        Reply answer(StubProviderServer.Request r) {
            if (r.method().equals("GET") && r.path().startsWith("/v0.4/backends")) {
                return Reply.ok("[{\"backend\":\"qpu.forte-1\",\"status\":\"available\",\"qubits\":36,\"average_queue_time\":1000}]");
            }
            if (r.method().equals("POST") && r.path().equals("/v0.4/jobs")) {
                String id = "ion-" + (created.size() + 1);
                created.add(id);
                try {
                    keyOf.put(id, new ObjectMapper().readTree(r.body()).path("metadata").path("qubench_key").asText());
                } catch (IOException e) {
                    return Reply.json(400, "{\"error\":\"bad json\"}");
                }
                Reply reply = Reply.ok("{\"id\":\"" + id + "\",\"status\":\"submitted\"}");
                if (loseFirstCreateAnswer) {
                    loseFirstCreateAnswer = false;
                    return reply.after(4_000);
                }
                return reply;
            }
            if (r.method().equals("GET") && r.path().startsWith("/v0.4/jobs?")) {
                StringBuilder list = new StringBuilder("{\"jobs\":[");
                keyOf.forEach((id, key) -> list.append(list.length() > 9 ? "," : "")
                        .append("{\"id\":\"").append(id).append("\",\"metadata\":{\"qubench_key\":\"").append(key).append("\"}}"));
                return Reply.ok(list.append("]}").toString());
            }
            if (r.method().equals("PUT") && r.path().endsWith("/status/cancel")) {
                staysQueued = false;
                failWith = null;
                return Reply.ok("{\"status\":\"canceled\"}");
            }
            if (r.method().equals("GET") && r.path().endsWith("/results/probabilities")) {
                return Reply.ok("{\"0\":0.5,\"3\":0.5}");
            }
            if (r.method().equals("GET") && r.path().startsWith("/v0.4/jobs/")) {
                if (!pollFaults.isEmpty()) {
                    return pollFaults.removeFirst();
                }
                int n = polls.incrementAndGet();
                if (staysQueued) {
                    return Reply.ok("{\"status\":\"ready\"}");
                }
                if (failWith != null) {
                    return Reply.ok("{\"status\":\"failed\",\"failure\":{\"error\":\"" + failWith + "\"}}");
                }
                return Reply.ok("{\"status\":\"" + (n == 1 ? "ready" : n == 2 ? "running" : "completed") + "\"}");
            }
            return Reply.json(404, "{\"error\":\"no route " + r.path() + "\"}");
        }
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
