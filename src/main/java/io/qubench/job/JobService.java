package io.qubench.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendException;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendName;
import io.qubench.backend.BackendResolver;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.device.PricingTable;
import io.qubench.qasm.QasmReader;
import io.qubench.qasm.QasmWriter;

/**
 * Runs jobs: validates and prices a submission before anything is spent, queues it (bounded),
 * and on the injected executor sends it to the first backend of its ranked list that is up and
 * calibrated well enough, within that provider's rate limit, retrying timeouts, 429s and 5xx
 * with backoff under one idempotency key; then polls it to its end, keeps partial results and
 * charges the ledger once per provider job. Every transition is stored and told to listeners.
 */
public final class JobService {

    private static final System.Logger LOG = System.getLogger(JobService.class.getName());

    private final BackendResolver backends;
    private final JobStore store;
    private final CostLedger ledger;
    private final CostEstimator estimator;
    private final Budgets budgets;
    private final Executor executor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Retrier retrier;
    private final RandomGenerator random;
    private final int queueCapacity;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final Map<String, RateLimit> rateLimits;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    /** Jobs this service is moving, by id; settled ones leave it and live on in the store. */
    private final Map<String, JobRecord> live = new ConcurrentHashMap<>();
    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JobRecord>> settling = new ConcurrentHashMap<>();
    /** Jobs just settled whose listeners are still being told: {@link #await} waits for them (a run is recorded by a listener). */
    private final Set<String> announcing = ConcurrentHashMap.newKeySet();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final Object admission = new Object();

    /** At most {@code permits} submissions per {@code window} to one provider. */
    public record RateLimit(int permits, Duration window) {
    }

    private JobService(Builder b) {
        backends = b.backends;
        store = b.store;
        ledger = b.ledger;
        estimator = b.estimator;
        budgets = b.budgets;
        executor = Objects.requireNonNull(b.executor, "an executor");
        clock = b.clock;
        sleeper = b.sleeper;
        random = b.random;
        retrier = new Retrier(b.retry, b.sleeper, b.random);
        queueCapacity = b.queueCapacity;
        pollInterval = b.pollInterval;
        maxPollInterval = b.maxPollInterval;
        rateLimits = Map.copyOf(b.rateLimits);
    }

    public static Builder builder(BackendResolver backends, Executor executor) {
        return new Builder(backends, executor);
    }

    public void addListener(JobListener listener) {
        listeners.add(listener);
    }

    public void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    public JobStore store() {
        return store;
    }

    public CostLedger ledger() {
        return ledger;
    }

    public CostEstimator estimator() {
        return estimator;
    }

    public Budgets budgets() {
        return budgets;
    }

    public JobRecord submit(Circuit circuit, String backend, int shots, JobOptions options) {
        return submit(circuit, List.of(backend), shots, options);
    }

    /**
     * Creates, validates and prices a job for {@code ranked} backends (first choice first) and
     * queues it; returns it queued. A circuit that cannot run on the first backend, a budget it
     * would exceed (unless overridden) or a full queue is refused with a {@link UserInputException}
     * before anything is sent; the refused job is stored as FAILED with the reason.
     */
    public JobRecord submit(Circuit circuit, List<String> ranked, int shots, JobOptions options) {
        if (ranked.isEmpty()) {
            throw new UserInputException("a job needs at least one backend to run on");
        }
        if (shots < 1) {
            throw new UserInputException("a job needs 1 shot or more, not " + shots);
        }
        List<String> names = ranked.stream().map(n -> BackendName.parse(n).toString()).toList();
        JobOptions resolved = options.withSeed(options.seed() != null ? options.seed() : nextSeed());
        String key = options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
        JobRecord created;
        synchronized (admission) {
            Optional<JobRecord> same = store.findByIdempotencyKey(key);
            if (same.isPresent()) {
                return current(same.get().id());
            }
            if (queueLength() >= queueCapacity) {
                throw new JobRejectedException("the job queue is full (" + queueCapacity + " jobs waiting, the oldest for "
                        + oldestWaitingAge().map(d -> d.toSeconds() + " s").orElse("0 s") + "); try again when some have started");
            }
            Instant now = clock.instant();
            String id = "job-" + UUID.randomUUID();
            created = new JobRecord(id, key, QasmWriter.toQasm3(circuit), names, shots, resolved, JobState.CREATED,
                    List.of(new Transition(null, JobState.CREATED, now, "submitted")), null, null, List.of(), new java.util.TreeMap<>(),
                    0, 0, false, "", List.of(), 0, 0, now);
            circuits.put(id, circuit);
            live.put(id, created);
            store.save(created);
        }
        tell(created, created.transitions().getFirst());
        String id = created.id();
        move(id, JobState.VALIDATING, "checking " + names.getFirst() + "'s limits and the budgets", d -> { });
        try {
            Backend first = backends.resolve(names.getFirst());
            List<String> problems = first.validate(circuit, shots);
            if (!problems.isEmpty()) {
                throw new JobRejectedException("cannot run on " + names.getFirst() + ":\n  " + String.join("\n  ", problems));
            }
            CostEstimate estimate = estimator.estimate(circuit, names.getFirst(), shots);
            synchronized (admission) {
                if (!resolved.budgetOverride()) {
                    budgets.check(estimate, ledger, pendingExcept(id), clock.instant());
                }
                move(id, null, null, d -> d.estimatedCost = estimate.total());
            }
        } catch (UserInputException e) {
            move(id, JobState.FAILED, e.getMessage(), d -> { });
            throw e;
        }
        JobRecord queued = move(id, JobState.QUEUED, "waiting for " + names.getFirst(), d -> { });
        start(id);
        return queued;
    }

    /**
     * Runs the rest of a PARTIAL job: only the shots not yet run (and paid for) are submitted,
     * under a new segment's key; their counts are added to the kept ones.
     */
    public JobRecord resume(String id) {
        JobRecord job = current(id);
        if (job.state() != JobState.PARTIAL) {
            throw new UserInputException("job " + id + " is " + job.state() + "; only a PARTIAL job can be resumed");
        }
        Circuit circuit = circuit(job);
        CostEstimate estimate = estimator.estimate(circuit, job.backend(), job.shotsRemaining());
        JobRecord queued;
        synchronized (admission) {
            if (!job.options().budgetOverride()) {
                budgets.check(estimate, ledger, pendingExcept(id), clock.instant());
            }
            queued = move(id, JobState.QUEUED, "resumed for the remaining " + job.shotsRemaining() + " shots", d -> {
                d.segment++;
                d.providerJobId = null;
                d.reason = "";
                d.estimatedCost = d.charged + estimate.total();
            });
        }
        if (queued.state() != JobState.QUEUED) {
            return current(id);
        }
        start(id);
        return queued;
    }

    /** Cancels the job in whatever state it is, the provider's job too; false when it had already ended. */
    public boolean cancel(String id) {
        JobRecord before = current(id);
        if (before.state().terminal()) {
            return false;
        }
        JobRecord after = move(id, JobState.CANCELLED, "cancelled by the user", d -> { });
        if (after.state() != JobState.CANCELLED) {
            return false;
        }
        if (after.providerJobId() != null && !before.state().settled()) {
            cancelAtProvider(after);
        }
        return true;
    }

    /**
     * Picks up, after a restart, the stored jobs that had not settled: those already sent are
     * polled again, those queued are sent again under the same key (so a submission the
     * provider had already taken is not duplicated); those caught while validating fail,
     * nothing having been sent. Returns how many were picked up.
     */
    public int recover() {
        int resumed = 0;
        for (JobRecord job : store.unsettled()) {
            if (live.containsKey(job.id())) {
                continue;
            }
            live.put(job.id(), job);
            if (job.state() == JobState.CREATED || job.state() == JobState.VALIDATING) {
                move(job.id(), JobState.FAILED, "the application stopped while the job was being validated; nothing was sent",
                        d -> { });
                continue;
            }
            move(job.id(), null, null, d -> d.notes.add("picked up again after a restart"));
            start(job.id());
            resumed++;
        }
        return resumed;
    }

    /** The job as it is now. */
    public JobRecord current(String id) {
        JobRecord j = live.get(id);
        if (j != null) {
            return j;
        }
        return store.find(id).orElseThrow(() -> new UserInputException("no job " + id));
    }

    /** Waits until the job settles (ends, or stops with partial results) and returns it. */
    public JobRecord await(String id, Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<JobRecord> f = settling.computeIfAbsent(id, k -> new CompletableFuture<>());
        JobRecord now = current(id);
        if (now.state().settled() && !announcing.contains(id)) {
            settling.remove(id, f);
            return now;
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Jobs accepted but not yet started by a backend. */
    public int queueLength() {
        return (int) live.values().stream().filter(j -> j.state().waiting()).count();
    }

    /** How long the longest-waiting job has waited; empty when none waits. */
    public Optional<Duration> oldestWaitingAge() {
        Instant now = clock.instant();
        return live.values().stream().filter(j -> j.state().waiting()).map(JobRecord::createdAt).min(Instant::compareTo)
                .map(t -> Duration.between(t, now));
    }

    /** What the other unsettled jobs are expected to spend beyond what they were charged, and the shots they have left. */
    private Budgets.Pending pendingExcept(String id) {
        List<JobRecord> others = live.values().stream().filter(j -> !j.id().equals(id) && !j.state().settled()).toList();
        return new Budgets.Pending() {
            @Override
            public double cost(String provider) {
                return others.stream().filter(j -> covers(provider, j))
                        .mapToDouble(j -> Math.max(0, j.estimatedCost() - j.charged())).sum();
            }

            @Override
            public long shots(String provider) {
                return others.stream().filter(j -> covers(provider, j)).mapToLong(JobRecord::shotsRemaining).sum();
            }
        };
    }

    private static boolean covers(String provider, JobRecord job) {
        String backend = job.backend() != null ? job.backend() : job.backends().getFirst();
        return provider.equals("*") || BackendName.parse(backend).provider().equals(provider);
    }

    private long nextSeed() {
        synchronized (random) {
            return random.nextLong(1L << 48);
        }
    }

    /** Hands the job to the executor; one that refuses it (shut down) fails the job rather than leaving it queued forever. */
    private void start(String id) {
        try {
            executor.execute(() -> drive(id));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            move(id, JobState.FAILED, "the job service is shutting down and took no more work", d -> { });
            throw new IllegalStateException("the job executor refused job " + id, e);
        }
    }

    /** Runs the job from QUEUED: to a backend if it has none yet, then polls it to its end. */
    private void drive(String id) {
        try {
            JobRecord job = current(id);
            if (job.state().settled()) {
                return;
            }
            if (job.providerJobId() != null) {
                Backend backend = backends.resolve(job.backend());
                backend.resume(job.providerJobId(), new Submission(job.submissionKey(job.backend()), circuit(job),
                        job.shotsRemaining(), job.options().seed() + job.segment()));
                follow(id, backend);
                return;
            }
            List<String> skipped = new ArrayList<>();
            for (String name : candidates(job)) {
                if (current(id).state().settled()) {
                    return;
                }
                Optional<Backend> chosen = tryBackend(id, name, skipped);
                if (chosen.isPresent()) {
                    follow(id, chosen.get());
                    return;
                }
            }
            move(id, JobState.FAILED, "no backend could take the job: " + String.join("; ", skipped), d -> { });
        } catch (UserInputException e) {
            move(id, JobState.FAILED, e.getMessage(), d -> { });
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError too (an engine's class missing from this JVM, such as the Vector API
            // without --add-modules): uncaught, it ended the worker thread and left the job unsettled for good.
            LOG.log(System.Logger.Level.ERROR, "job " + id + " failed unexpectedly", e);
            move(id, JobState.FAILED, "internal error: " + e, d -> { });
        }
    }

    /** The ranked backends, then (when asked for) the emulators of their devices. */
    private List<String> candidates(JobRecord job) {
        List<String> out = new ArrayList<>(job.backends());
        if (job.options().emulatorFallback()) {
            for (String name : job.backends()) {
                BackendName n = BackendName.parse(name);
                String emulator = BackendName.EMULATOR + ":" + n.device();
                if (n.hasEmulator() && !out.contains(emulator)) {
                    out.add(emulator);
                }
            }
        }
        return out;
    }

    /** Submits the job to {@code name} if it is up, good enough and takes the circuit; says why not otherwise. */
    private Optional<Backend> tryBackend(String id, String name, List<String> skipped) {
        JobRecord job = current(id);
        Consumer<String> note = text -> move(id, null, null, d -> d.notes.add(text));
        Backend backend;
        BackendInfo info;
        try {
            backend = backends.resolve(name);
            info = retrier.call("describe " + name, backend::describe, note);
        } catch (UserInputException | BackendException e) {
            return skip(id, skipped, name + ": " + e.getMessage());
        }
        if (info.status() != BackendStatus.ONLINE) {
            return skip(id, skipped, name + " is " + info.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (info.calibrationFidelity() < job.options().minFidelity()) {
            return skip(id, skipped, String.format(java.util.Locale.ROOT, "%s's calibration fidelity %.4f is under the threshold %.4f",
                    name, info.calibrationFidelity(), job.options().minFidelity()));
        }
        Circuit circuit = circuit(job);
        if (!name.equals(job.backends().getFirst())) {
            List<String> problems = backend.validate(circuit, job.shotsRemaining());
            if (!problems.isEmpty()) {
                return skip(id, skipped, name + " cannot run it: " + String.join("; ", problems));
            }
        }
        Duration waited = limiter(name).map(RateLimiter::acquire).orElse(Duration.ZERO);
        if (!waited.isZero()) {
            note.accept("waited " + waited.toMillis() + " ms for " + name + "'s rate limit");
        }
        Submission submission = new Submission(job.submissionKey(name), circuit, job.shotsRemaining(),
                job.options().seed() + job.segment());
        String providerJobId;
        try {
            providerJobId = retrier.call("submit to " + name, () -> backend.submit(submission), note);
        } catch (BackendException e) {
            return skip(id, skipped, name + " did not take the job (" + e.kind() + "): " + e.getMessage());
        }
        boolean failover = !name.equals(job.backends().getFirst());
        JobRecord sent = move(id, null, null, d -> {
            d.backend = name;
            d.providerJobId = providerJobId;
            d.providerJobIds.add(providerJobId);
            if (failover) {
                d.failedOver = true;
                d.notes.add("failed over from " + job.backends().getFirst() + " to " + name);
            }
            d.notes.add("sent to " + name + " as provider job " + providerJobId);
        });
        if (sent.state() == JobState.CANCELLED) {
            cancelAtProvider(sent);
            return Optional.empty();
        }
        return Optional.of(backend);
    }

    private Optional<Backend> skip(String id, List<String> skipped, String why) {
        skipped.add(why);
        move(id, null, null, d -> d.notes.add("skipped " + why));
        return Optional.empty();
    }

    private Optional<RateLimiter> limiter(String backend) {
        String provider = BackendName.parse(backend).provider();
        RateLimit limit = rateLimits.get(provider);
        if (limit == null) {
            return Optional.empty();
        }
        return Optional.of(limiters.computeIfAbsent(provider, p -> new RateLimiter(limit.permits(), limit.window(), clock, sleeper)));
    }

    /** Polls the current provider job until it ends, backing off between polls. */
    private void follow(String id, Backend backend) {
        Duration interval = pollInterval;
        Consumer<String> note = text -> move(id, null, null, d -> d.notes.add(text));
        while (true) {
            JobRecord job = current(id);
            if (job.state().settled()) {
                return;
            }
            String pid = job.providerJobId();
            ProviderJob p;
            try {
                p = retrier.call("poll " + pid, () -> backend.poll(pid), note);
            } catch (BackendException e) {
                move(id, JobState.FAILED, "lost contact with " + job.backend() + " while polling provider job " + pid + " ("
                        + e.kind() + ": " + e.getMessage() + "); it may still run there", d -> { });
                return;
            }
            switch (p.state()) {
                case QUEUED -> { }
                case RUNNING -> {
                    if (job.state() == JobState.QUEUED) {
                        move(id, JobState.RUNNING, "running on " + job.backend(), d -> { });
                    }
                }
                case COMPLETED -> {
                    settle(id, p);
                    return;
                }
                case FAILED -> {
                    settle(id, p);
                    return;
                }
                case CANCELLED -> {
                    move(id, JobState.CANCELLED, "cancelled at " + job.backend() + (p.message().isEmpty() ? "" : ": " + p.message()),
                            d -> { });
                    return;
                }
            }
            sleeper.sleep(interval);
            interval = interval.multipliedBy(2).compareTo(maxPollInterval) > 0 ? maxPollInterval : interval.multipliedBy(2);
        }
    }

    /** Keeps what the provider job ran, charges it once, and ends the job or leaves it PARTIAL. */
    private void settle(String id, ProviderJob p) {
        JobRecord job = current(id);
        double amount = p.shotsCompleted() > 0 || p.usageSeconds() > 0
                ? estimator.actualCost(circuit(job), job.backend(), p.shotsCompleted(), p.usageSeconds()) : 0;
        boolean charged = ledger.record(new Charge(job.backend() + "/" + p.id(), id, job.backend(),
                BackendName.parse(job.backend()).provider(), p.shotsCompleted(), amount, clock.instant()));
        int total = job.shotsCompleted() + p.shotsCompleted();
        JobState end;
        String reason;
        if (total >= job.shots()) {
            end = JobState.COMPLETED;
            reason = "completed on " + job.backend();
        } else if (total > 0) {
            end = JobState.PARTIAL;
            reason = job.backend() + " ran " + total + " of " + job.shots() + " shots"
                    + (p.message().isEmpty() ? "" : " (" + p.message() + ")") + "; resume to run the other " + (job.shots() - total);
        } else {
            end = JobState.FAILED;
            reason = job.backend() + " failed the job" + (p.message().isEmpty() ? "" : ": " + p.message());
        }
        move(id, end, reason, d -> {
            p.counts().forEach((k, v) -> d.counts.merge(k, v, Integer::sum));
            d.shotsCompleted = total;
            if (charged) {
                d.charged += amount;
            }
        });
    }

    private void cancelAtProvider(JobRecord job) {
        try {
            Backend b = backends.resolve(job.backend());
            retrier.call("cancel " + job.providerJobId(), () -> {
                b.cancel(job.providerJobId());
                return null;
            }, text -> move(job.id(), null, null, d -> d.notes.add(text)));
        } catch (UserInputException | BackendException e) {
            move(job.id(), null, null, d -> d.notes.add("could not cancel provider job " + job.providerJobId() + ": " + e.getMessage()));
        }
    }

    private Circuit circuit(JobRecord job) {
        return circuits.computeIfAbsent(job.id(), k -> QasmReader.parse(job.circuitQasm(), "job " + job.id()));
    }

    /**
     * Changes the job atomically and stores it: moves it to {@code to} (when not null and
     * allowed from its state) with {@code reason}, applying {@code change}. Returns the job as
     * it then is; a move not allowed from its state changes nothing.
     */
    private JobRecord move(String id, JobState to, String reason, Consumer<JobRecord.Draft> change) {
        Transition[] made = new Transition[1];
        JobRecord next = live.compute(id, (k, cur) -> {
            JobRecord base = cur != null ? cur : store.find(id).orElseThrow(() -> new IllegalStateException("no job " + id));
            if (to != null && !base.state().canMoveTo(to)) {
                return cur;
            }
            JobRecord.Draft d = base.edit();
            change.accept(d);
            if (to != null) {
                made[0] = new Transition(base.state(), to, clock.instant(), reason);
                d.transitions.add(made[0]);
                d.state = to;
                if (to == JobState.FAILED || to == JobState.PARTIAL || to == JobState.CANCELLED) {
                    d.reason = reason;
                }
            }
            JobRecord r = d.build();
            store.save(r);
            if (made[0] != null && to.settled()) {
                announcing.add(id);
            }
            return r;
        });
        if (next == null) {
            return current(id);
        }
        if (next.state().settled()) {
            live.remove(id, next);
        }
        if (made[0] != null) {
            tell(next, made[0]);
            if (next.state().settled()) {
                if (next.state().terminal()) {
                    circuits.remove(id);
                }
                // Before the future is taken: an await that still sees the job announcing has its future completed here.
                announcing.remove(id);
                CompletableFuture<JobRecord> f = settling.remove(id);
                if (f != null) {
                    f.complete(next);
                }
            }
        }
        return next;
    }

    private void tell(JobRecord job, Transition t) {
        for (JobListener l : listeners) {
            try {
                l.onTransition(job, t);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a job listener failed on " + job.id(), e);
            }
        }
    }

    /** Settings of a {@link JobService}; each has a working default but the executor. */
    public static final class Builder {
        private final BackendResolver backends;
        private final Executor executor;
        private JobStore store = new InMemoryJobStore();
        private CostLedger ledger = new InMemoryCostLedger();
        private CostEstimator estimator = new CostEstimator(PricingTable.published());
        private Budgets budgets = Budgets.NONE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private RandomGenerator random = new SplittableRandom();
        private int queueCapacity = 10_000;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration maxPollInterval = Duration.ofSeconds(10);
        private final Map<String, RateLimit> rateLimits = new LinkedHashMap<>(Map.of("ibm", new RateLimit(5, Duration.ofMinutes(1))));

        private Builder(BackendResolver backends, Executor executor) {
            this.backends = backends;
            this.executor = executor;
        }

        public Builder store(JobStore value) {
            store = value;
            return this;
        }

        public Builder ledger(CostLedger value) {
            ledger = value;
            return this;
        }

        public Builder pricing(PricingTable value) {
            estimator = new CostEstimator(value);
            return this;
        }

        public Builder budgets(Budgets value) {
            budgets = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            retry = value;
            return this;
        }

        /** The source of jitter and of seeds not given. */
        public Builder random(RandomGenerator value) {
            random = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** First wait between polls; it doubles up to {@code max}. */
        public Builder pollInterval(Duration first, Duration max) {
            pollInterval = first;
            maxPollInterval = max;
            return this;
        }

        /** Limits submissions to {@code provider} (e.g. {@code ibm}: 5 a minute, the default). */
        public Builder rateLimit(String provider, int permits, Duration window) {
            rateLimits.put(provider, new RateLimit(permits, window));
            return this;
        }

        public JobService build() {
            return new JobService(this);
        }
    }
}
