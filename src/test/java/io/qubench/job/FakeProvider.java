package io.qubench.job;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendException;
import io.qubench.backend.BackendException.Kind;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;

/**
 * A provider that fails on demand: scripted faults per call, a random failure rate, responses
 * lost after the job was made, partial results. It counts the jobs it really creates.
 */
final class FakeProvider implements Backend {

    /** A scripted failure of the next call: what it throws, and whether the job is made before (a lost response). */
    record Fault(Kind kind, Duration retryAfter, boolean afterCreating) {
        static Fault timeout() {
            return new Fault(Kind.TIMEOUT, null, false);
        }

        static Fault lostResponse() {
            return new Fault(Kind.TIMEOUT, null, true);
        }

        static Fault rateLimited(Duration retryAfter) {
            return new Fault(Kind.RATE_LIMITED, retryAfter, false);
        }

        static Fault serverError() {
            return new Fault(Kind.SERVER_ERROR, null, false);
        }
    }

    final String name;
    final Deque<Fault> submitFaults = new ArrayDeque<>();
    final Deque<Fault> pollFaults = new ArrayDeque<>();
    final Map<String, String> jobByKey = new ConcurrentHashMap<>();
    final Map<String, Submission> jobs = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final List<java.time.Instant> creations = new CopyOnWriteArrayList<>();
    final AtomicInteger submitCalls = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    volatile BackendStatus status = BackendStatus.ONLINE;
    volatile double fidelity = 0.99;
    volatile int pollsUntilDone = 2;
    /** After this many shots a job fails, keeping their counts; -1 never. */
    volatile int failAfterShots = -1;
    volatile List<String> problems = List.of();
    volatile double randomFailureRate;
    volatile Random random = new Random(1);
    volatile Consumer<String> onPoll = id -> { };
    volatile java.time.Clock clock = java.time.Clock.systemUTC();

    FakeProvider(String name) {
        this.name = name;
    }

    @Override
    public BackendInfo describe() {
        return new BackendInfo(name, "fake provider", 127, 100_000, status, jobs.size(), fidelity);
    }

    @Override
    public List<String> validate(Circuit circuit, int shots) {
        return problems;
    }

    @Override
    public String submit(Submission s) {
        submitCalls.incrementAndGet();
        Fault f = nextFault(submitFaults);
        if (f != null && !f.afterCreating()) {
            throw fail(f);
        }
        String id;
        synchronized (this) {
            id = jobByKey.get(s.idempotencyKey());
            if (id == null) {
                id = name + "-job-" + ids.incrementAndGet();
                jobByKey.put(s.idempotencyKey(), id);
                jobs.put(id, s);
                polls.put(id, new AtomicInteger());
                creations.add(clock.instant());
            }
        }
        if (f != null) {
            throw fail(f);
        }
        return id;
    }

    @Override
    public ProviderJob poll(String id) {
        Submission s = jobs.get(id);
        if (s == null) {
            throw new BackendException(Kind.REJECTED, "no job " + id);
        }
        Fault f = nextFault(pollFaults);
        if (f != null) {
            throw fail(f);
        }
        onPoll.accept(id);
        if (cancelled.contains(id)) {
            return ProviderJob.waiting(id, ProviderState.CANCELLED);
        }
        int n = polls.get(id).incrementAndGet();
        if (n < pollsUntilDone) {
            return ProviderJob.waiting(id, n == 1 ? ProviderState.QUEUED : ProviderState.RUNNING);
        }
        int shots = s.shots();
        if (failAfterShots >= 0 && failAfterShots < shots) {
            return new ProviderJob(id, ProviderState.FAILED, counts(failAfterShots), failAfterShots, 0, "device went into maintenance");
        }
        return ProviderJob.completed(id, counts(shots), shots, 0);
    }

    @Override
    public void cancel(String id) {
        cancelled.add(id);
    }

    int created() {
        return jobs.size();
    }

    private static TreeMap<String, Integer> counts(int shots) {
        TreeMap<String, Integer> c = new TreeMap<>();
        if (shots > 0) {
            c.put("00", shots / 2 + shots % 2);
        }
        if (shots > 1) {
            c.put("11", shots / 2);
        }
        return c;
    }

    private Fault nextFault(Deque<Fault> scripted) {
        synchronized (scripted) {
            if (!scripted.isEmpty()) {
                return scripted.removeFirst();
            }
        }
        if (randomFailureRate > 0) {
            synchronized (random) {
                if (random.nextDouble() < randomFailureRate) {
                    return switch (random.nextInt(4)) {
                        case 0 -> Fault.timeout();
                        case 1 -> Fault.lostResponse();
                        case 2 -> Fault.rateLimited(Duration.ofSeconds(1 + random.nextInt(5)));
                        default -> Fault.serverError();
                    };
                }
            }
        }
        return null;
    }

    private BackendException fail(Fault f) {
        return new BackendException(f.kind(), name + " fault " + f.kind(), f.retryAfter());
    }
}
