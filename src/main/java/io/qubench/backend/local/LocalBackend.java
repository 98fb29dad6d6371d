package io.qubench.backend.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendException;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.Engine;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;

/**
 * A backend on this machine behind a {@link SimulatedQueue}. A job runs when it is polled after
 * its simulated end time, on the polling thread, so the caller's executor sets the parallelism.
 */
public abstract class LocalBackend implements Backend {

    private final String name;
    private final SimulatedQueue queue;
    private final Clock clock;
    private final Map<String, LocalJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> jobByKey = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    // Job ids are charge keys in the history's ledger: a count alone would repeat in the next process and its charge be dropped.
    private final String instance = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    private Instant queueFreeAt = Instant.MIN;

    protected LocalBackend(String name, SimulatedQueue queue, Clock clock) {
        this.name = name;
        this.queue = queue;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** A circuit as it will run here, with the noise it runs under. */
    protected record Ready(Circuit circuit, NoiseModel noise) {
    }

    /** The circuit as it will run here; throws a {@link UserInputException} when it cannot. */
    protected abstract Ready prepare(Circuit circuit, int shots);

    protected abstract int maxShots();

    @Override
    public List<String> validate(Circuit circuit, int shots) {
        return check(circuit, shots).problems();
    }

    /** The circuit prepared to run here (null when it cannot be) and every reason it cannot run. */
    private record Checked(Ready prepared, List<String> problems) {
    }

    private Checked check(Circuit circuit, int shots) {
        List<String> problems = new ArrayList<>();
        Ready prepared = null;
        try {
            prepared = prepare(circuit, shots);
        } catch (UserInputException e) {
            problems.add(e.getMessage());
        }
        if (shots > maxShots()) {
            problems.add(shots + " shots exceed " + name + "'s maximum of " + maxShots());
        }
        if (prepared != null) {
            MachineCapacity.problem(prepared.circuit(), shots, prepared.noise()).ifPresent(problems::add);
        }
        return new Checked(prepared, problems);
    }

    @Override
    public String submit(Submission s) {
        String existing = jobByKey.get(s.idempotencyKey());
        if (existing != null) {
            return existing;
        }
        Checked checked = check(s.circuit(), s.shots());
        if (!checked.problems().isEmpty()) {
            throw new BackendException(BackendException.Kind.REJECTED, name + " rejects the circuit: "
                    + String.join("; ", checked.problems()));
        }
        Ready prepared = checked.prepared();
        synchronized (this) {
            existing = jobByKey.get(s.idempotencyKey());
            if (existing != null) {
                return existing;
            }
            Instant now = clock.instant();
            Instant start = max(now.plus(queue.latency()), queueFreeAt);
            Instant end = start.plus(queue.runTime(s.shots()));
            queueFreeAt = end;
            String id = name + "-" + instance + "-" + nextId.getAndIncrement();
            jobs.put(id, new LocalJob(id, prepared, s.shots(), s.seed(), start, end));
            jobByKey.put(s.idempotencyKey(), id);
            return id;
        }
    }

    @Override
    public ProviderJob poll(String providerJobId) {
        LocalJob job = job(providerJobId);
        Instant now = clock.instant();
        synchronized (job) {
            if (job.result != null) {
                return job.result;
            }
            if (now.isBefore(job.start)) {
                return ProviderJob.waiting(job.id, ProviderState.QUEUED);
            }
            if (now.isBefore(job.end)) {
                return ProviderJob.waiting(job.id, ProviderState.RUNNING);
            }
            job.result = run(job);
            return job.result;
        }
    }

    @Override
    public void cancel(String providerJobId) {
        LocalJob job = job(providerJobId);
        synchronized (job) {
            if (job.result == null) {
                job.result = new ProviderJob(job.id, ProviderState.CANCELLED, new java.util.TreeMap<>(), 0, 0, "cancelled by the user");
            }
        }
    }

    /** Jobs submitted here that have not ended. */
    public int queueLength() {
        return (int) jobs.values().stream().filter(j -> j.result == null).count();
    }

    private ProviderJob run(LocalJob job) {
        RunOptions options = RunOptions.shots(job.shots, job.seed);
        try {
            SimulationResult r = Engine.AUTO.simulatorFor(job.ready.circuit(), options, job.ready.noise()).run(job.ready.circuit(), options);
            double seconds = Duration.between(job.start, job.end).toNanos() / 1e9;
            return ProviderJob.completed(job.id, r.counts(), r.shots(), seconds);
        } catch (UserInputException e) {
            return new ProviderJob(job.id, ProviderState.FAILED, new java.util.TreeMap<>(), 0, 0, e.getMessage());
        }
    }

    private LocalJob job(String id) {
        LocalJob job = jobs.get(id);
        if (job == null) {
            throw new BackendException(BackendException.Kind.REJECTED, name + " has no job " + id
                    + " (local jobs live only as long as the process that ran them)");
        }
        return job;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static final class LocalJob {
        final String id;
        final Ready ready;
        final int shots;
        final long seed;
        final Instant start;
        final Instant end;
        ProviderJob result;

        LocalJob(String id, Ready ready, int shots, long seed, Instant start, Instant end) {
            this.id = id;
            this.ready = ready;
            this.shots = shots;
            this.seed = seed;
            this.start = start;
            this.end = end;
        }
    }
}
