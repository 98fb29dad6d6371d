package io.qubench.backend.remote.ibm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import io.qubench.job.InMemoryCostLedger;
import io.qubench.job.InMemoryJobStore;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.qasm.QasmReader;

/** The IBM adapter driven by the job service against a stub IBM Quantum on loopback. */
class IbmBackendTest {

    private static final Circuit GHZ = QasmReader.parse("""
            OPENQASM 2.0; include "qelib1.inc"; qreg q[3]; creg c[3];
            h q[0]; cx q[0],q[1]; cx q[0],q[2]; measure q -> c;""", "ghz.qasm");

    private final StubProviderServer server = newServer();
    private final Device manila = ShippedDevices.load("manila");
    private final List<io.qubench.device.Calibration> fetched = new CopyOnWriteArrayList<>();
    private final IbmBackend backend = new IbmBackend(manila, new IbmQuantumClient(
            new IbmEndpoints(server.uri("/identity/token"), server.uri("/api/v1"), IbmEndpoints.API_VERSION), () -> "FAKE-key",
            "crn:test", HttpClient.newHttpClient(), Duration.ofSeconds(20), Clock.systemUTC()), fetched::add);
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aGhzJobIsSentAsAnIsaCircuitOnCoupledPhysicalQubitsAndItsCountsCollected() throws IOException {
        server.answer(this::answer);
        JobService jobs = JobService.builder(name -> backend, Runnable::run).store(new InMemoryJobStore()).ledger(new InMemoryCostLedger())
                .sleeper(d -> { }).pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();

        JobRecord job = jobs.current(jobs.submit(GHZ, "ibm:manila", 4, JobOptions.defaults()).id());

        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.counts()).containsExactly(Map.entry("000", 2), Map.entry("111", 2));
        assertThat(submitted).hasSize(1);
        String qasm = new ObjectMapper().readTree(submitted.getFirst()).path("params").path("pubs").get(0).get(0).asText();
        Circuit isa = QasmReader.parse(qasm, "isa.qasm");
        assertThat(isa.operations()).filteredOn(GateOperation.class::isInstance).map(op -> ((GateOperation) op).gate().qasmName())
                .allMatch(g -> manila.basisGates().contains(g));
        assertThat(qasm).contains("$").contains("bit[3] c;");
        assertThat(tokens).hasValue(2).as("401 on the first poll fetched a new token");
        assertThat(fetched).as("the live calibration was fetched once and handed on to be kept").hasSize(1);
        assertThat(server.requests("GET", "/api/v1/backends/ibmq_manila/properties")).hasSize(1);
    }

    @Test
    void aCircuitThatMeasuresNothingIsRefusedBeforeSending() {
        Circuit bare = QasmReader.parse("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; h q[0];", "bare.qasm");
        assertThat(backend.validate(bare, 10)).singleElement().asString().contains("measures nothing");
    }

    @Test
    void aCircuitLargerThanTheDeviceIsRefusedNamingTheDevice() {
        Circuit big = QasmReader.parse("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[6]; creg c[6]; h q[0]; measure q -> c;", "b");
        assertThat(backend.validate(big, 10)).singleElement().asString().contains("manila");
    }

    private Reply answer(StubProviderServer.Request r) {
        if (r.path().startsWith("/identity")) {
            return Reply.ok("{\"access_token\":\"tok-" + tokens.incrementAndGet() + "\",\"expires_in\":3600}");
        }
        if (r.path().endsWith("/configuration") || r.path().endsWith("/properties")) {
            String kind = r.path().endsWith("/configuration") ? "conf" : "props";
            try (var in = getClass().getResourceAsStream("/samples/devices/manila/" + kind + "_manila.json")) {
                return Reply.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                return Reply.json(500, "{}");
            }
        }
        if (r.method().equals("GET") && r.path().startsWith("/api/v1/backends/")) {
            return Reply.ok("{\"state\":true,\"status\":\"active\",\"length_queue\":3}");
        }
        if (r.method().equals("GET") && r.path().startsWith("/api/v1/jobs?")) {
            return Reply.ok("{\"jobs\":[]}");
        }
        if (r.method().equals("POST") && r.path().equals("/api/v1/jobs")) {
            submitted.add(r.body());
            return Reply.ok("{\"id\":\"d1\"}");
        }
        if (r.path().endsWith("/results")) {
            return Reply.ok("{\"results\":[{\"data\":{\"c\":{\"samples\":[\"0x0\",\"0x7\",\"0x7\",\"0x0\"],\"num_bits\":3}}}]}");
        }
        if (r.path().endsWith("/metrics")) {
            return Reply.ok("{\"usage\":{\"quantum_seconds\":2}}");
        }
        if (r.method().equals("GET") && r.path().equals("/api/v1/jobs/d1")) {
            int n = polls.incrementAndGet();
            if (n == 1 && "Bearer tok-1".equals(r.header("Authorization"))) {
                return Reply.json(401, "{\"message\":\"expired\"}");
            }
            return Reply.ok("{\"state\":{\"status\":\"" + (n < 3 ? "Queued" : n < 4 ? "Running" : "Completed") + "\"}}");
        }
        return Reply.json(404, "{\"message\":\"no route " + r.path() + "\"}");
    }

    private static StubProviderServer newServer() {
        try {
            return new StubProviderServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
