package io.qubench.backend.remote.braket;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.remote.ProviderException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.remote.TerminalMeasurements;
import io.qubench.backend.remote.WholeCounts;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.braket.BraketClient;
import software.amazon.awssdk.services.braket.model.AccessDeniedException;
import software.amazon.awssdk.services.braket.model.BraketException;
import software.amazon.awssdk.services.braket.model.GetDeviceResponse;
import software.amazon.awssdk.services.braket.model.GetQuantumTaskResponse;
import software.amazon.awssdk.services.braket.model.InternalServiceException;
import software.amazon.awssdk.services.braket.model.QuantumTaskAdditionalAttributeName;
import software.amazon.awssdk.services.braket.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.braket.model.ThrottlingException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Amazon Braket through the AWS SDK for Java v2 (PROVIDERS.md §3): create an OpenQASM 3 task
 * (Braket's {@code clientToken} is the idempotency key, so a retried create never makes a second
 * task), status with queue position, results from S3 as counts, cancel, device status and price.
 * The SDK's own retries are off: the job layer retries, by {@link ProviderException#kind()}.
 */
public final class BraketTasks implements AutoCloseable {

    static final String PROVIDER = "Amazon Braket";

    private final BraketClient braket;
    private final S3Client s3;
    private final ObjectMapper json = new ObjectMapper();

    public BraketTasks(BraketClient braket, S3Client s3) {
        this.braket = braket;
        this.s3 = s3;
    }

    /**
     * Clients for {@code region} with the given credentials, over the JDK's HTTP connection.
     * {@code endpoint}, when present, replaces both AWS endpoints (a stub server in tests).
     */
    public static BraketTasks create(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint, Duration timeout) {
        var http = UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout);
        var braketBuilder = BraketClient.builder().region(region).credentialsProvider(credentials).httpClientBuilder(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout.multipliedBy(2)));
        var s3Builder = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout.multipliedBy(2)));
        endpoint.ifPresent(uri -> {
            braketBuilder.endpointOverride(uri);
            s3Builder.endpointOverride(uri).forcePathStyle(true);
        });
        return new BraketTasks(braketBuilder.build(), s3Builder.build());
    }

    /** Clients for {@code region} with the user's AWS credentials ({@link #userCredentials()}). */
    public static BraketTasks withAwsCredentials(String region, Duration timeout) {
        return create(Region.of(region), userCredentials(), Optional.empty(), timeout);
    }

    /**
     * The AWS credentials of this user as the AWS tools keep them: environment variables, Java
     * system properties, then ~/.aws/credentials and ~/.aws/config. Not the SDK's default chain:
     * that one also asks the cloud instance-metadata address, which a desktop must not call.
     */
    static AwsCredentialsProvider userCredentials() {
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ProfileCredentialsProvider.create());
    }

    /** Whether {@link #userCredentials()} finds credentials on this machine. */
    public static boolean awsCredentialsFound() {
        try {
            return userCredentials().resolveCredentials().accessKeyId() != null;
        } catch (RuntimeException none) {
            return false;
        }
    }

    /** Creates a task running {@code qasm3} {@code shots} times on {@code deviceArn}; returns the task ARN. */
    public String createTask(String deviceArn, String qasm3, int shots, String outputBucket, String outputPrefix,
            String idempotencyKey) {
        String action = json.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("braketSchemaHeader",
                json.createObjectNode().put("name", "braket.ir.openqasm.program").put("version", "1"))
                .put("source", qasm3).toString();
        return call("CreateQuantumTask", () -> braket.createQuantumTask(r -> r.deviceArn(deviceArn).action(action)
                .shots((long) shots).outputS3Bucket(outputBucket).outputS3KeyPrefix(outputPrefix)
                .clientToken(clientToken(idempotencyKey))).quantumTaskArn());
    }

    public BraketTaskStatus status(String taskArn) {
        GetQuantumTaskResponse task = call("GetQuantumTask", () -> braket.getQuantumTask(r -> r.quantumTaskArn(taskArn)
                .additionalAttributeNames(QuantumTaskAdditionalAttributeName.QUEUE_INFO)));
        BraketTaskStatus.State state = switch (task.status()) {
            case CREATED, QUEUED -> BraketTaskStatus.State.QUEUED;
            case RUNNING -> BraketTaskStatus.State.RUNNING;
            case COMPLETED -> BraketTaskStatus.State.COMPLETED;
            case FAILED -> BraketTaskStatus.State.FAILED;
            case CANCELLING -> BraketTaskStatus.State.CANCELLING;
            case CANCELLED -> BraketTaskStatus.State.CANCELLED;
            default -> throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200,
                    "GetQuantumTask: unknown status \"" + task.statusAsString() + "\"");
        };
        Optional<String> position = task.queueInfo() == null ? Optional.empty() : Optional.ofNullable(task.queueInfo().position());
        return new BraketTaskStatus(state, task.failureReason() == null ? "" : task.failureReason(), position,
                task.outputS3Bucket(), task.outputS3Directory(), task.numSuccessfulShots() == null ? 0 : task.numSuccessfulShots());
    }

    /**
     * The counts of a completed task, read from {@code results.json} in its S3 output directory:
     * per-shot {@code measurements} over {@code measuredQubits}, or {@code measurementProbabilities}
     * (big-endian bitstrings) when the device gives only those.
     */
    public SortedMap<String, Integer> counts(BraketTaskStatus completed, TerminalMeasurements measurements, int shots) {
        String key = completed.outputS3Directory() + "/results.json";
        JsonNode result = call("S3 GetObject " + key, () -> {
            try (var in = s3.getObject(r -> r.bucket(completed.outputS3Bucket()).key(key))) {
                return json.readTree(in);
            } catch (IOException e) {
                throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, null, key + ": not JSON (" + e.getMessage() + ")", e);
            }
        });
        List<Integer> measuredQubits = new ArrayList<>();
        result.path("measuredQubits").forEach(q -> measuredQubits.add(q.asInt()));
        if (measuredQubits.isEmpty()) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, key + ": no \"measuredQubits\"");
        }
        SortedMap<String, Integer> counts = new TreeMap<>();
        JsonNode perShot = result.path("measurements");
        if (perShot.isArray() && !perShot.isEmpty()) {
            for (JsonNode shot : perShot) {
                counts.merge(measurements.key(q -> bitOf(shot, measuredQubits, q)), 1, Integer::sum);
            }
            return counts;
        }
        JsonNode probabilities = result.path("measurementProbabilities");
        if (!probabilities.isObject()) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, key + ": neither \"measurements\" nor \"measurementProbabilities\"");
        }
        java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
        for (var e : probabilities.properties()) {
            String bits = e.getKey();
            p.merge(measurements.key(q -> {
                int i = measuredQubits.indexOf(q);
                return i >= 0 && i < bits.length() && bits.charAt(i) == '1';
            }), e.getValue().asDouble(), Double::sum);
        }
        return WholeCounts.of(p, shots);
    }

    public void cancel(String taskArn, String idempotencyKey) {
        call("CancelQuantumTask", () -> braket.cancelQuantumTask(r -> r.quantumTaskArn(taskArn).clientToken(clientToken(idempotencyKey))));
    }

    /** A device's state, how many tasks wait on it, and its published price per task and per shot. */
    public record DeviceInfo(String status, int queuedTasks, Optional<Double> price, String priceUnit) {
    }

    public DeviceInfo device(String deviceArn) {
        GetDeviceResponse device = call("GetDevice", () -> braket.getDevice(r -> r.deviceArn(deviceArn)));
        int queued = device.deviceQueueInfo().stream().filter(q -> q.queueAsString().equals("QUANTUM_TASKS_QUEUE"))
                .mapToInt(q -> parseInt(q.queueSize())).sum();
        Optional<Double> price = Optional.empty();
        String unit = "";
        try {
            JsonNode capabilities = json.readTree(device.deviceCapabilities() == null ? "{}" : device.deviceCapabilities());
            JsonNode cost = capabilities.path("service").path("deviceCost");
            if (cost.has("price")) {
                price = Optional.of(cost.path("price").asDouble());
                unit = cost.path("unit").asText("");
            }
        } catch (IOException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 200, null, "GetDevice: deviceCapabilities is not JSON", e);
        }
        return new DeviceInfo(device.deviceStatusAsString(), queued, price, unit);
    }

    @Override
    public void close() {
        braket.close();
        s3.close();
    }

    /** Braket's clientToken is at most 64 characters. */
    static String clientToken(String idempotencyKey) {
        return idempotencyKey.length() <= 64 ? idempotencyKey : idempotencyKey.substring(0, 64);
    }

    private static boolean bitOf(JsonNode shot, List<Integer> measuredQubits, int qubit) {
        int i = measuredQubits.indexOf(qubit);
        return i >= 0 && shot.path(i).asInt() == 1;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private <T> T call(String name, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ThrottlingException e) {
            throw new ProviderException(PROVIDER, Kind.RATE_LIMITED, e.statusCode(), null, name + ": throttled", e);
        } catch (AccessDeniedException e) {
            throw new ProviderException(PROVIDER, Kind.UNAUTHORIZED, e.statusCode(), null, name + ": access denied ("
                    + e.awsErrorDetails().errorMessage() + ")", e);
        } catch (InternalServiceException e) {
            throw new ProviderException(PROVIDER, Kind.SERVER_ERROR, e.statusCode(), null, name + ": Braket failed", e);
        } catch (ServiceQuotaExceededException e) {
            throw new ProviderException(PROVIDER, Kind.REJECTED, e.statusCode(), null, name + ": service quota exceeded", e);
        } catch (BraketException | S3Exception e) {
            int status = e.statusCode();
            Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 ? Kind.SERVER_ERROR
                    : status == 401 || status == 403 ? Kind.UNAUTHORIZED : Kind.REJECTED;
            String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new ProviderException(PROVIDER, kind, status, null, name + ": HTTP " + status + " (" + detail + ")", e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            throw new ProviderException(PROVIDER, Kind.TIMEOUT, 0, null, name + ": no answer in time", e);
        } catch (SdkClientException e) {
            boolean timeout = e.getCause() instanceof java.net.SocketTimeoutException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timed out");
            throw new ProviderException(PROVIDER, timeout ? Kind.TIMEOUT : Kind.SERVER_ERROR, 0, null,
                    name + ": " + (timeout ? "no answer in time" : "connection failed"), e);
        } catch (SdkException e) {
            throw new ProviderException(PROVIDER, Kind.BAD_RESPONSE, 0, null, name + ": " + e.getMessage(), e);
        }
    }
}
