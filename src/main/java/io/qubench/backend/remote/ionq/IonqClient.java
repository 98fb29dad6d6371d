package io.qubench.backend.remote.ionq;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qubench.backend.remote.JsonHttp;
import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.remote.WholeCounts;

/**
 * IonQ Quantum Cloud API v0.4 (PROVIDERS.md §2): submit a qis circuit, status, results as
 * counts, cancel, backends. Single attempts; the job layer retries by {@link ProviderException#kind()}.
 * IonQ documents no idempotency header, so the key goes into the job's metadata and name, and
 * {@link #findJobByKey} looks for it among recent jobs after an ambiguous failure.
 */
public final class IonqClient {

    static final String PROVIDER = "IonQ";
    public static final URI V04 = URI.create("https://api.ionq.co/v0.4/");

    private final URI base;
    private final Supplier<String> apiKey;
    private final JsonHttp http;

    public IonqClient(URI base, Supplier<String> apiKey, HttpClient client, Duration timeout, Clock clock) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.apiKey = apiKey;
        this.http = new JsonHttp(PROVIDER, client, timeout, clock);
    }

    /** Submits {@code circuit} to {@code backend} (e.g. {@code qpu.forte-1}, {@code simulator}) and returns IonQ's job id. */
    public String submit(String backend, IonqCircuit circuit, int shots, String idempotencyKey) {
        ObjectNode body = http.mapper().createObjectNode();
        body.put("type", "ionq.circuit.v1");
        body.put("backend", backend);
        body.put("shots", shots);
        body.put("name", "qubench " + idempotencyKey);
        body.putObject("metadata").put("qubench_key", idempotencyKey);
        body.set("input", circuit.input());
        JsonNode reply = http.send(request("jobs").header("Content-Type", "application/json").POST(http.body(body)).build(),
                "POST /jobs");
        return http.required(reply, "id", "POST /jobs").asText();
    }

    /** The job an earlier submission with {@code idempotencyKey} created, among the 100 newest. */
    public Optional<String> findJobByKey(String idempotencyKey) {
        JsonNode reply = http.send(request("jobs?limit=100").GET().build(), "GET /jobs");
        for (JsonNode job : reply.path("jobs")) {
            if (idempotencyKey.equals(job.path("metadata").path("qubench_key").asText(null))) {
                return Optional.of(job.path("id").asText());
            }
        }
        return Optional.empty();
    }

    public IonqJobStatus status(String jobId) {
        String name = "GET /jobs/" + jobId;
        JsonNode reply = http.send(request("jobs/" + jobId).GET().build(), name);
        String status = http.required(reply, "status", name).asText();
        JsonNode failure = reply.path("failure");
        String why = failure.isMissingNode() || failure.isNull() ? ""
                : failure.path("error").asText(failure.path("message").asText(failure.toString()));
        try {
            return new IonqJobStatus(IonqJobStatus.State.parse(status), why);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, name + ": " + e.getMessage());
        }
    }

    /**
     * The counts of a completed job. IonQ returns probabilities by measured state (decimal, bit
     * i = qubit i); counts are p × shots rounded so that they add up to {@code shots}, keyed
     * by the circuit's classical bits in Qiskit order (all qubits when it measures none).
     */
    public SortedMap<String, Integer> counts(String jobId, IonqCircuit circuit, int shots) {
        String name = "GET /jobs/" + jobId + "/results/probabilities";
        JsonNode reply = http.send(request("jobs/" + jobId + "/results/probabilities").GET().build(), name);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : reply.properties()) {
            long state;
            try {
                state = Long.parseLong(e.getKey());
            } catch (NumberFormatException ex) {
                throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, name + ": state \"" + e.getKey() + "\" is not a number");
            }
            long measured = state;
            probabilities.merge(circuit.measurements().key(q -> ((measured >>> q) & 1) == 1), e.getValue().asDouble(), Double::sum);
        }
        return WholeCounts.of(probabilities, shots);
    }

    public void cancel(String jobId) {
        http.send(request("jobs/" + jobId + "/status/cancel").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                "PUT /jobs/" + jobId + "/status/cancel");
    }

    /** One IonQ backend as {@code GET /backends} lists it. */
    public record BackendInfo(String backend, String status, int qubits, double averageQueueTime, boolean degraded) {
    }

    public List<BackendInfo> backends() {
        JsonNode reply = http.send(request("backends").GET().build(), "GET /backends");
        JsonNode list = reply.isArray() ? reply : reply.path("backends");
        List<BackendInfo> out = new ArrayList<>();
        for (JsonNode b : list) {
            out.add(new BackendInfo(b.path("backend").asText(), b.path("status").asText(""), b.path("qubits").asInt(),
                    b.path("average_queue_time").asDouble(0), b.path("degraded").asBoolean(false)));
        }
        return out;
    }

    private HttpRequest.Builder request(String path) {
        return http.request(base.resolve(path)).header("Authorization", "apiKey " + apiKey.get());
    }
}
