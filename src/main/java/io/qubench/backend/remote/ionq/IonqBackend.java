package io.qubench.backend.remote.ionq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendException;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;

/**
 * {@code ionq:DEVICE} — IonQ's cloud through {@link IonqClient}. IonQ documents no idempotency
 * key, so a submit first asks whether a job with this submission's key exists (an earlier
 * attempt that timed out may have created it) and returns that one instead of a second.
 */
public final class IonqBackend implements Backend {

    /** Our device names → IonQ's backend ids and their qubit counts (IonQ's published figures). */
    static final Map<String, String> BACKEND_IDS = Map.of("simulator", "simulator", "aria-1", "qpu.aria-1", "forte-1", "qpu.forte-1");
    private static final Map<String, Integer> QUBITS = Map.of("simulator", 29, "aria-1", 25, "forte-1", 36);
    private static final int MAX_SHOTS = 10_000;

    private final String device;
    private final IonqClient client;
    /** What a poll needs to turn IonQ's per-qubit probabilities into the circuit's counts. */
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    private record Sent(IonqCircuit circuit, int shots) {
    }

    public IonqBackend(String device, IonqClient client) {
        if (!BACKEND_IDS.containsKey(device)) {
            throw new UserInputException("IonQ has no device '" + device + "': choose one of " + BACKEND_IDS.keySet());
        }
        this.device = device;
        this.client = client;
    }

    private String name() {
        return "ionq:" + device;
    }

    @Override
    public BackendInfo describe() {
        String id = BACKEND_IDS.get(device);
        var info = client.backends().stream().filter(b -> b.backend().equals(id)).findFirst();
        boolean online = info.map(b -> b.status().equals("available")).orElse(false);
        int qubits = info.map(IonqClient.BackendInfo::qubits).filter(q -> q > 0).orElse(QUBITS.get(device));
        String description = info.map(b -> "IonQ " + id + (b.degraded() ? " (degraded)" : "")).orElse("IonQ " + id + " (not listed)");
        return new BackendInfo(name(), description, qubits, MAX_SHOTS, online ? BackendStatus.ONLINE : BackendStatus.OFFLINE, 0, 1);
    }

    @Override
    public List<String> validate(Circuit circuit, int shots) {
        List<String> problems = new ArrayList<>();
        int qubits = QUBITS.get(device);
        if (circuit.numQubits() > qubits) {
            problems.add(circuit.numQubits() + " qubits do not fit " + name() + ", which has " + qubits);
        }
        if (shots > MAX_SHOTS) {
            problems.add(shots + " shots exceed " + name() + "'s maximum of " + MAX_SHOTS);
        }
        try {
            IonqCircuit.of(circuit);
        } catch (UserInputException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public String submit(Submission submission) {
        IonqCircuit circuit = IonqCircuit.of(submission.circuit());
        String id = client.findJobByKey(submission.idempotencyKey())
                .orElseGet(() -> client.submit(BACKEND_IDS.get(device), circuit, submission.shots(), submission.idempotencyKey()));
        sent.put(id, new Sent(circuit, submission.shots()));
        return id;
    }

    @Override
    public void resume(String providerJobId, Submission submission) {
        sent.putIfAbsent(providerJobId, new Sent(IonqCircuit.of(submission.circuit()), submission.shots()));
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        IonqJobStatus status = client.status(providerJobId);
        return switch (status.state()) {
            case QUEUED -> ProviderJob.waiting(providerJobId, ProviderState.QUEUED);
            case RUNNING -> ProviderJob.waiting(providerJobId, ProviderState.RUNNING);
            case FAILED -> new ProviderJob(providerJobId, ProviderState.FAILED, new java.util.TreeMap<>(), 0, 0, status.failure());
            case CANCELLED -> new ProviderJob(providerJobId, ProviderState.CANCELLED, new java.util.TreeMap<>(), 0, 0, "cancelled at IonQ");
            case COMPLETED -> {
                Sent job = sent.get(providerJobId);
                if (job == null) {
                    throw new BackendException(BackendException.Kind.REJECTED, name() + ": job " + providerJobId
                            + " completed, but this process was not told what was sent (Backend#resume), so its classical bits are unknown");
                }
                yield ProviderJob.completed(providerJobId, client.counts(providerJobId, job.circuit(), job.shots()), job.shots(), 0);
            }
        };
    }

    @Override
    public void cancel(String providerJobId) {
        client.cancel(providerJobId);
    }
}
