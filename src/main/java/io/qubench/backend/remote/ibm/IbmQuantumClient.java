package io.qubench.backend.remote.ibm;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qubench.backend.remote.JsonHttp;
import io.qubench.device.Device;
import io.qubench.device.DeviceFormatException;
import io.qubench.device.IbmSnapshot;
import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;

/**
 * IBM Quantum Platform over its REST API (PROVIDERS.md §1): IAM token exchange and refresh,
 * Sampler V2 jobs with ISA OpenQASM 3, status, results as counts, cancel, backend status.
 * Calls are single attempts: retrying, backing off and failing over belong to the job layer,
 * which reads {@link ProviderException#kind()}. The one retry here is the documented one:
 * a 401 means the bearer token expired, so it is fetched again and the call repeated once.
 */
public final class IbmQuantumClient {

    static final String PROVIDER = "IBM Quantum";
    /** Tag prefix that carries the submission's idempotency key, so a retried submit can find its job. */
    static final String KEY_TAG = "qubench-key:";
    /** Fetch a new token this long before the old one expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);

    private final IbmEndpoints endpoints;
    private final Supplier<String> apiKey;
    private final String serviceCrn;
    private final JsonHttp http;
    private final Clock clock;
    private String bearer;
    private Instant bearerExpires = Instant.MIN;

    /**
     * @param apiKey read when a token is needed, so the key is not held longer than the store holds it
     * @param serviceCrn the instance CRN every call names
     */
    public IbmQuantumClient(IbmEndpoints endpoints, Supplier<String> apiKey, String serviceCrn, HttpClient client,
            Duration timeout, Clock clock) {
        this.endpoints = endpoints;
        this.apiKey = apiKey;
        this.serviceCrn = serviceCrn;
        this.http = new JsonHttp(PROVIDER, client, timeout, clock);
        this.clock = clock;
    }

    /**
     * Creates a Sampler V2 job running {@code isaQasm3} (basis gates on coupled physical qubits)
     * {@code shots} times and returns IBM's job id. The idempotency key travels as a tag, so that
     * after a timeout {@link #findJobByKey} tells whether the job was created after all.
     */
    public String submitSampler(String backend, String isaQasm3, int shots, String idempotencyKey) {
        ObjectNode body = http.mapper().createObjectNode();
        body.put("program_id", "sampler");
        body.put("backend", backend);
        body.putArray("tags").add(KEY_TAG + idempotencyKey);
        ObjectNode params = body.putObject("params");
        params.put("version", 2);
        params.put("support_qiskit", false);
        params.putArray("pubs").addArray().add(isaQasm3).addNull().add(shots);
        params.putObject("options").put("default_shots", shots);
        JsonNode reply = call("POST /jobs", () -> authorized(endpoints.resolve("jobs"))
                .header("Content-Type", "application/json").POST(http.body(body)).build());
        return http.required(reply, "id", "POST /jobs").asText();
    }

    /** The job an earlier submission with {@code idempotencyKey} created, if IBM has one. */
    public Optional<String> findJobByKey(String idempotencyKey) {
        String tag = URLEncoder.encode(KEY_TAG + idempotencyKey, StandardCharsets.UTF_8);
        JsonNode reply = call("GET /jobs", () -> authorized(endpoints.resolve("jobs?tags=" + tag + "&limit=1")).GET().build());
        JsonNode jobs = reply.path("jobs");
        return jobs.isArray() && !jobs.isEmpty() ? Optional.of(jobs.get(0).path("id").asText()) : Optional.empty();
    }

    public IbmJobStatus status(String jobId) {
        String name = "GET /jobs/" + jobId;
        JsonNode reply = call(name, () -> authorized(endpoints.resolve("jobs/" + jobId)).GET().build());
        JsonNode state = http.required(reply, "state", name);
        String status = http.required(state, "status", name).asText();
        try {
            return new IbmJobStatus(IbmJobStatus.State.parse(status), state.path("reason").asText(""),
                    state.path("reason_code").asInt(0));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, name + ": " + e.getMessage());
        }
    }

    /**
     * The counts of a completed job, keyed as Qiskit prints them: classical bit 0 rightmost,
     * registers separated by a space, the last-declared register leftmost.
     *
     * @param registers the circuit's classical registers in declaration order
     */
    public SortedMap<String, Integer> counts(String jobId, List<String> registers) {
        String name = "GET /jobs/" + jobId + "/results";
        JsonNode reply = call(name, () -> authorized(endpoints.resolve("jobs/" + jobId + "/results")).GET().build());
        JsonNode results = http.required(reply, "results", name);
        if (!results.isArray() || results.isEmpty()) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, name + ": \"results\" is empty");
        }
        JsonNode data = http.required(results.get(0), "data", name);
        List<List<String>> perRegister = new ArrayList<>();
        int shots = -1;
        for (String register : registers.reversed()) {
            JsonNode reg = http.required(data, register, name + " data");
            JsonNode samples = http.required(reg, "samples", name + " data." + register);
            int bits = http.required(reg, "num_bits", name + " data." + register).asInt();
            if (shots >= 0 && samples.size() != shots) {
                throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200,
                        name + ": register " + register + " has " + samples.size() + " samples, others " + shots);
            }
            shots = samples.size();
            List<String> strings = new ArrayList<>(shots);
            for (JsonNode sample : samples) {
                strings.add(bitString(sample.asText(), bits, name));
            }
            perRegister.add(strings);
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (int shot = 0; shot < Math.max(shots, 0); shot++) {
            StringBuilder key = new StringBuilder();
            for (List<String> reg : perRegister) {
                if (!key.isEmpty()) {
                    key.append(' ');
                }
                key.append(reg.get(shot));
            }
            counts.merge(key.toString(), 1, Integer::sum);
        }
        return counts;
    }

    public void cancel(String jobId) {
        call("POST /jobs/" + jobId + "/cancel", () -> authorized(endpoints.resolve("jobs/" + jobId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Whether the device takes jobs, what IBM says of it, and how many jobs wait before a new one. */
    public record BackendStatus(boolean operational, String message, int pendingJobs) {
    }

    public BackendStatus backendStatus(String backend) {
        String name = "GET /backends/" + backend + "/status";
        JsonNode reply = call(name, () -> authorized(endpoints.resolve("backends/" + backend + "/status")).GET().build());
        return new BackendStatus(reply.path("state").asBoolean(false), reply.path("status").asText(""),
                Math.max(0, reply.path("length_queue").asInt(0)));
    }

    /**
     * The device as IBM describes it now: its configuration (qubits, basis gates, coupling map,
     * limits) and its latest calibration, read by the same reader as the shipped snapshots.
     *
     * @param name our name for it, e.g. {@code kingston}
     */
    public Device device(String name, String backend) {
        String confCall = "GET /backends/" + backend + "/configuration";
        String propsCall = "GET /backends/" + backend + "/properties";
        JsonNode conf = call(confCall, () -> authorized(endpoints.resolve("backends/" + backend + "/configuration")).GET().build());
        JsonNode props = call(propsCall, () -> authorized(endpoints.resolve("backends/" + backend + "/properties")).GET().build());
        try {
            return IbmSnapshot.read(name, new ByteArrayInputStream(conf.toString().getBytes(StandardCharsets.UTF_8)), "IBM " + confCall,
                    new ByteArrayInputStream(props.toString().getBytes(StandardCharsets.UTF_8)), "IBM " + propsCall);
        } catch (DeviceFormatException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, null, e.getMessage(), e);
        }
    }

    /** Quantum seconds the job used: IBM's billing basis. */
    public double usageSeconds(String jobId) {
        String name = "GET /jobs/" + jobId + "/metrics";
        JsonNode reply = call(name, () -> authorized(endpoints.resolve("jobs/" + jobId + "/metrics")).GET().build());
        JsonNode usage = reply.path("usage");
        return usage.path("quantum_seconds").asDouble(usage.path("seconds").asDouble(0));
    }

    private JsonNode call(String name, Supplier<HttpRequest> request) {
        try {
            return http.send(request.get(), name);
        } catch (ProviderException e) {
            if (e.kind() != Kind.UNAUTHORIZED) {
                throw e;
            }
            invalidateToken();
            return http.send(request.get(), name);
        }
    }

    private HttpRequest.Builder authorized(java.net.URI uri) {
        return http.request(uri).header("Authorization", "Bearer " + bearerToken()).header("Service-CRN", serviceCrn)
                .header("IBM-API-Version", endpoints.apiVersion());
    }

    private synchronized String bearerToken() {
        if (bearer != null && clock.instant().isBefore(bearerExpires.minus(TOKEN_MARGIN))) {
            return bearer;
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ibm:params:oauth:grant-type:apikey", StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(apiKey.get(), StandardCharsets.UTF_8);
        HttpRequest request = http.request(endpoints.iamToken()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode reply;
        try {
            reply = http.send(request, "IAM token");
        } catch (ProviderException e) {
            if (e.kind() == Kind.UNAUTHORIZED || e.kind() == Kind.REJECTED) {
                throw new ProviderException(PROVIDER, Kind.UNAUTHORIZED, e.httpStatus(),
                        "IAM token: the API key was refused (HTTP " + e.httpStatus() + "); check it in Settings › Credentials");
            }
            throw e;
        }
        bearer = http.required(reply, "access_token", "IAM token").asText();
        long expiresIn = reply.path("expires_in").asLong(3600);
        bearerExpires = clock.instant().plusSeconds(expiresIn);
        return bearer;
    }

    private synchronized void invalidateToken() {
        bearer = null;
    }

    /** One shot's sample, "0x…" hex with bit k = register bit k, as a bitstring with bit 0 rightmost. */
    private static String bitString(String hex, int bits, String call) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        java.math.BigInteger value;
        try {
            value = new java.math.BigInteger(digits, 16);
        } catch (NumberFormatException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, call + ": sample \"" + hex + "\" is not hexadecimal");
        }
        if (value.bitLength() > bits) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200,
                    call + ": sample " + hex + " has more than num_bits = " + bits + " bits");
        }
        StringBuilder s = new StringBuilder(bits);
        for (int k = bits - 1; k >= 0; k--) {
            s.append(value.testBit(k) ? '1' : '0');
        }
        return s.toString();
    }
}
