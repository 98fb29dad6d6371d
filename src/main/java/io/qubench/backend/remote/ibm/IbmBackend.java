package io.qubench.backend.remote.ibm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendException;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.transpile.PhysicalQasm;
import io.qubench.transpile.TranspileOptions;
import io.qubench.transpile.Transpiler;

/**
 * {@code ibm:DEVICE} — an IBM Quantum device through {@link IbmQuantumClient}. Circuits are
 * transpiled here for the device (IBM takes only ISA circuits: native gates on coupled physical
 * qubits) and sent as Sampler V2 jobs. IBM has no idempotency header, so the key rides as a job
 * tag and a submit first looks for a job carrying it.
 */
public final class IbmBackend implements Backend {

    private final Device shipped;
    private final IbmQuantumClient client;
    private final Consumer<Calibration> fetched;
    /** The device as IBM last described it; the shipped snapshot until the first successful fetch. */
    private volatile Device device;
    private volatile Transpiler transpiler;
    private volatile boolean live;
    /** Classical register names per job, which a poll needs to read IBM's per-register samples. */
    private final Map<String, List<String>> registersOf = new ConcurrentHashMap<>();

    /**
     * @param shipped the device's shipped snapshot, used until IBM's current configuration and calibration are fetched
     * @param fetched told of every calibration fetched from IBM, to keep it in the calibration history
     */
    public IbmBackend(Device shipped, IbmQuantumClient client, Consumer<Calibration> fetched) {
        this.shipped = shipped;
        this.client = client;
        this.fetched = fetched;
        this.device = shipped;
        this.transpiler = new Transpiler(shipped);
    }

    public IbmBackend(Device shipped, IbmQuantumClient client) {
        this(shipped, client, c -> { });
    }

    /**
     * Circuits are transpiled for the calibration IBM reports now: fetched before the first
     * submission (and kept), so layout and routing avoid what broke since the snapshot shipped.
     */
    private synchronized void refresh() {
        if (live) {
            return;
        }
        Device current = client.device(shipped.name(), shipped.backendName());
        device = current;
        transpiler = new Transpiler(current);
        live = true;
        fetched.accept(current.calibration());
    }

    /** The device circuits are made for now; with {@code live} false, the shipped snapshot. */
    public Device device() {
        return device;
    }

    private String name() {
        return "ibm:" + device.name();
    }

    @Override
    public BackendInfo describe() {
        refresh();
        IbmQuantumClient.BackendStatus status = client.backendStatus(device.backendName());
        double twoQubitError = device.calibration().medianTwoQubitError();
        return new BackendInfo(name(), "IBM Quantum " + device.backendName() + " (" + status.message() + ")", device.qubits(),
                device.maxShots(), status.operational() ? BackendStatus.ONLINE : BackendStatus.OFFLINE, status.pendingJobs(),
                Double.isFinite(twoQubitError) ? 1 - twoQubitError : 1);
    }

    @Override
    public List<String> validate(Circuit circuit, int shots) {
        List<String> problems = new ArrayList<>();
        try {
            isa(circuit, shots, 0);
        } catch (UserInputException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public String submit(Submission submission) {
        refresh();
        Circuit isa;
        try {
            isa = isa(submission.circuit(), submission.shots(), submission.seed());
        } catch (UserInputException e) {
            throw new BackendException(BackendException.Kind.REJECTED, name() + " cannot take the circuit with today's calibration: "
                    + e.getMessage());
        }
        String id = client.findJobByKey(submission.idempotencyKey()).orElseGet(() -> client.submitSampler(device.backendName(),
                PhysicalQasm.write(isa), submission.shots(), submission.idempotencyKey()));
        registersOf.put(id, isa.classicalRegisters().stream().map(ClassicalRegister::name).toList());
        return id;
    }

    /** The ISA circuit keeps the circuit's classical registers, so they are the original's. */
    @Override
    public void resume(String jobId, Submission submission) {
        registersOf.putIfAbsent(jobId, submission.circuit().classicalRegisters().stream().map(ClassicalRegister::name).toList());
    }

    @Override
    public ProviderJob poll(String jobId) {
        IbmJobStatus status = client.status(jobId);
        return switch (status.state()) {
            case QUEUED -> ProviderJob.waiting(jobId, ProviderState.QUEUED);
            case RUNNING -> ProviderJob.waiting(jobId, ProviderState.RUNNING);
            case FAILED -> new ProviderJob(jobId, ProviderState.FAILED, new TreeMap<>(), 0, 0, reason(status));
            case CANCELLED -> new ProviderJob(jobId, ProviderState.CANCELLED, new TreeMap<>(), 0, 0, reason(status));
            case COMPLETED -> {
                List<String> registers = registersOf.get(jobId);
                if (registers == null) {
                    throw new BackendException(BackendException.Kind.REJECTED, name() + ": job " + jobId
                            + " completed, but this process was not told what was sent (Backend#resume), so its classical registers are unknown");
                }
                var counts = client.counts(jobId, registers);
                int shots = counts.values().stream().mapToInt(Integer::intValue).sum();
                yield ProviderJob.completed(jobId, counts, shots, client.usageSeconds(jobId));
            }
        };
    }

    @Override
    public void cancel(String jobId) {
        client.cancel(jobId);
    }

    /** The circuit as IBM will run it; it must measure something, since the Sampler returns only measured bits. */
    private Circuit isa(Circuit circuit, int shots, long seed) {
        if (circuit.operations().stream().noneMatch(io.qubench.circuit.Operation.Measurement.class::isInstance)) {
            throw new UserInputException("the circuit measures nothing; IBM's Sampler returns only measured bits, so add measurements");
        }
        return transpiler.transpile(circuit, TranspileOptions.defaults().withSeed(seed).withShots(shots)).isa();
    }

    private static String reason(IbmJobStatus status) {
        return status.reason().isEmpty() ? "ended " + status.state().name().toLowerCase(java.util.Locale.ROOT) + " at IBM"
                : status.reason() + (status.reasonCode() != 0 ? " (code " + status.reasonCode() + ")" : "");
    }
}
