package io.qubench.history;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.qubench.backend.BackendName;
import io.qubench.device.CalibrationStore;
import io.qubench.device.ShippedDevices;
import io.qubench.job.JobListener;
import io.qubench.job.JobRecord;
import io.qubench.job.JobState;
import io.qubench.job.JobStore;
import io.qubench.job.Transition;
import io.qubench.qasm.QasmVersion;

/**
 * Records a job as a run when it reaches COMPLETED or PARTIAL, with its provenance: the exact
 * circuit, the backend, the calibration snapshot an emulator ran with (the shipped one, kept in
 * the calibration store), the transpiler settings, shots, seed, application version and times.
 * Each job is recorded once ({@link RunRepository#saveForJob}), so a job recovered after a
 * restart, or seen ending by two processes, gives one run.
 */
public final class RunRecorder implements JobListener {

    /** The ideal local simulator runs the circuit as written. */
    static final Map<String, String> AS_WRITTEN = Map.of("transpile", "none", "layout", "as written");
    /** Emulators transpile with the defaults and transpile seed 0 (backend.local.EmulatorBackend#prepare). */
    static final Map<String, String> EMULATOR_DEFAULTS = Map.of("transpile", "qubench", "layout", "noise-aware", "routing", "sabre",
            "optimise", "true", "seed", "0");

    private final RunRepository runs;
    private final CalibrationStore calibrations;
    private final String appVersion;
    private final Map<String, String> calibrationIds = new ConcurrentHashMap<>();

    public RunRecorder(RunRepository runs, CalibrationStore calibrations, String appVersion) {
        this.runs = runs;
        this.calibrations = calibrations;
        this.appVersion = Objects.requireNonNull(appVersion, "appVersion");
    }

    public RunRecorder(HistoryDatabase db, String appVersion) {
        this(db.runs(), db.calibrations(), appVersion);
    }

    @Override
    public void onTransition(JobRecord job, Transition transition) {
        if (transition.to() == JobState.COMPLETED || transition.to() == JobState.PARTIAL) {
            record(job, transition);
        }
    }

    /**
     * Records every job in {@code store} that ended with results but has no run yet (one whose
     * process stopped between storing the end and recording it); returns how many.
     */
    public int catchUp(JobStore store) {
        int recorded = 0;
        for (JobRecord job : store.all()) {
            if ((job.state() == JobState.COMPLETED || job.state() == JobState.PARTIAL) && runs.findByJob(job.id()).isEmpty()) {
                Transition end = job.transitions().getLast();
                recorded += record(job, end) ? 1 : 0;
            }
        }
        return recorded;
    }

    /** Saves the job's run (once); says whether anything was written. */
    public boolean record(JobRecord job, Transition end) {
        StoredCircuit circuit = StoredCircuit.of(job.circuitQasm(), QasmVersion.V3, Optional.empty());
        String backend = job.backend() != null ? job.backend() : job.backends().getFirst();
        Provenance provenance = new Provenance(backend, calibrationOf(backend), transpilerSettings(backend, job), job.shots(),
                Optional.ofNullable(job.options().seed()), appVersion, job.createdAt(), end.at());
        ResultRecord result = new ResultRecord(job.counts(), null, end.to() == JobState.PARTIAL);
        return runs.saveForJob(new RunRecord("run-" + job.id(), circuit, provenance, result, Optional.of(job.id())));
    }

    /** How the circuit was made ready for {@code backend}: what each adapter does to it before it runs. */
    static Map<String, String> transpilerSettings(String backend, JobRecord job) {
        String provider = BackendName.parse(backend).provider();
        return switch (provider) {
            case BackendName.LOCAL -> AS_WRITTEN;
            case BackendName.EMULATOR -> EMULATOR_DEFAULTS;
            // IbmBackend transpiles with the defaults, seeded with the submission's seed.
            case "ibm" -> Map.of("transpile", "qubench", "layout", "noise-aware", "routing", "sabre", "optimise", "true", "seed",
                    String.valueOf(job.options().seed() == null ? 0 : job.options().seed() + job.segment()));
            default -> Map.of("transpile", "by " + provider);
        };
    }

    /** The calibration an emulator runs with: its device's shipped snapshot, stored once and known by its id. */
    private Optional<String> calibrationOf(String backend) {
        BackendName name = BackendName.parse(backend);
        if (!name.provider().equals(BackendName.EMULATOR)) {
            return Optional.empty();
        }
        return Optional.of(calibrationIds.computeIfAbsent(name.device(),
                device -> calibrations.save(ShippedDevices.load(device).calibration(), "shipped with Qubench (emulator:" + device + ")")));
    }
}
