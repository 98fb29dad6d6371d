package io.qubench.backend.remote.braket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.backend.remote.TerminalMeasurements;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.qasm.QasmVersion;
import io.qubench.qasm.QasmWriter;

/**
 * {@code braket:DEVICE} — Amazon Braket's managed simulators (where a circuit goes when it
 * outgrows this machine: SV1 to 34 qubits) and QPUs, through {@link BraketTasks}. The
 * submission's key is Braket's clientToken, so a repeated create returns the same task.
 */
public final class BraketBackend implements Backend {

    /** A Braket device as we name it: its ARN, its qubits and its shot limit (SDK devices.py, developer guide). */
    record BraketDevice(String arn, int qubits, int maxShots) {
    }

    static final Map<String, BraketDevice> DEVICES = Map.of(
            "sv1", new BraketDevice("arn:aws:braket:::device/quantum-simulator/amazon/sv1", 34, 100_000),
            "dm1", new BraketDevice("arn:aws:braket:::device/quantum-simulator/amazon/dm1", 17, 100_000),
            "forte-1", new BraketDevice("arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1", 36, 10_000),
            "garnet", new BraketDevice("arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", 20, 20_000),
            "ankaa-3", new BraketDevice("arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3", 82, 50_000));

    private final String name;
    private final BraketDevice device;
    private final BraketTasks tasks;
    private final String outputBucket;
    private final String outputPrefix;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    private record Sent(TerminalMeasurements measurements, int shots) {
    }

    /** @param outputBucket the S3 bucket Braket writes results to (Braket's own default is {@code amazon-braket-REGION-ACCOUNT}) */
    public BraketBackend(String device, BraketTasks tasks, String outputBucket, String outputPrefix) {
        this.device = DEVICES.get(device);
        if (this.device == null) {
            throw new UserInputException("Amazon Braket has no device '" + device + "' here: choose one of " + new TreeMap<>(DEVICES).keySet());
        }
        this.name = "braket:" + device;
        this.tasks = tasks;
        this.outputBucket = outputBucket;
        this.outputPrefix = outputPrefix;
    }

    @Override
    public BackendInfo describe() {
        BraketTasks.DeviceInfo info = tasks.device(device.arn());
        return new BackendInfo(name, "Amazon Braket " + device.arn(), device.qubits(), device.maxShots(),
                info.status().equals("ONLINE") ? BackendStatus.ONLINE : BackendStatus.OFFLINE, info.queuedTasks(), 1);
    }

    @Override
    public List<String> validate(Circuit circuit, int shots) {
        List<String> problems = new ArrayList<>();
        if (circuit.numQubits() > device.qubits()) {
            problems.add(circuit.numQubits() + " qubits do not fit " + name + ", which has " + device.qubits());
        }
        if (shots > device.maxShots()) {
            problems.add(shots + " shots exceed " + name + "'s maximum of " + device.maxShots());
        }
        try {
            TerminalMeasurements.of(circuit.inlined(), "Amazon Braket");
        } catch (UserInputException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public String submit(Submission submission) {
        Circuit circuit = submission.circuit().inlined();
        TerminalMeasurements measurements = TerminalMeasurements.of(circuit, "Amazon Braket");
        String arn = tasks.createTask(device.arn(), QasmWriter.write(circuit, QasmVersion.V3), submission.shots(), outputBucket,
                outputPrefix, submission.idempotencyKey());
        sent.put(arn, new Sent(measurements, submission.shots()));
        return arn;
    }

    @Override
    public void resume(String taskArn, Submission submission) {
        sent.putIfAbsent(taskArn, new Sent(TerminalMeasurements.of(submission.circuit().inlined(), "Amazon Braket"), submission.shots()));
    }

    @Override
    public ProviderJob poll(String taskArn) {
        BraketTaskStatus status = tasks.status(taskArn);
        return switch (status.state()) {
            case QUEUED -> ProviderJob.waiting(taskArn, ProviderState.QUEUED);
            case RUNNING, CANCELLING -> ProviderJob.waiting(taskArn, ProviderState.RUNNING);
            case FAILED -> ended(taskArn, status, ProviderState.FAILED, status.failureReason());
            case CANCELLED -> ended(taskArn, status, ProviderState.CANCELLED, "cancelled at Amazon Braket");
            case COMPLETED -> {
                Sent job = sent.get(taskArn);
                if (job == null) {
                    throw new io.qubench.backend.BackendException(io.qubench.backend.BackendException.Kind.REJECTED, name + ": task "
                            + taskArn + " completed, but this process was not told what was sent (Backend#resume), so its classical bits are unknown");
                }
                yield ProviderJob.completed(taskArn, tasks.counts(status, job.measurements(), job.shots()), job.shots(), 0);
            }
        };
    }

    /**
     * A task that ended without completing. Braket counts the shots that succeeded; when there
     * are some, their results are in S3 and are kept as partial results (already paid for).
     */
    private ProviderJob ended(String taskArn, BraketTaskStatus status, ProviderState state, String reason) {
        Sent job = sent.get(taskArn);
        if (status.successfulShots() <= 0 || job == null) {
            return new ProviderJob(taskArn, state, new TreeMap<>(), 0, 0, reason);
        }
        var counts = tasks.counts(status, job.measurements(), (int) status.successfulShots());
        int ran = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new ProviderJob(taskArn, state, counts, ran, 0, reason + " after " + ran + " of " + job.shots() + " shots");
    }

    @Override
    public void cancel(String taskArn) {
        tasks.cancel(taskArn, "cancel-" + Integer.toHexString(taskArn.hashCode()));
    }
}
