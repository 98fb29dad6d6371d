package io.qubench.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import io.qubench.backend.Backend;
import io.qubench.backend.BackendResolver;
import io.qubench.backend.BackendStatus;
import io.qubench.backend.Backends;
import io.qubench.backend.Submission;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.Circuit;
import io.qubench.device.PricingTable;
import io.qubench.qasm.QasmReader;

class JobServiceTest {

    static final Circuit BELL = QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n"
            + "h q[0];\ncx q[0], q[1];\nmeasure q -> c;\n", "bell.qasm");

    private final FakeTime time = new FakeTime();
    private final FakeProvider ibm = new FakeProvider("ibm:manila");
    private final FakeProvider braket = new FakeProvider("braket:forte-1");
    private final Backends local = new Backends(SimulatedQueue.NONE, time);
    private final InMemoryJobStore store = new InMemoryJobStore();
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final List<String> seen = new ArrayList<>();

    JobServiceTest() {
        ibm.clock = time;
        braket.clock = time;
    }

    private BackendResolver resolver() {
        Map<String, Backend> fakes = Map.of(ibm.name, ibm, braket.name, braket);
        return name -> fakes.containsKey(name) ? fakes.get(name) : local.resolve(name);
    }

    private JobService.Builder builder(Executor executor) {
        return JobService.builder(resolver(), executor).store(store).ledger(ledger).clock(time).sleeper(time)
                .random(new SplittableRandom(3)).pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private JobService service() {
        JobService s = builder(Runnable::run).build();
        s.addListener((job, t) -> seen.add(job.id() + " " + t.from() + "->" + t.to()));
        return s;
    }

    @Test
    void aJobOnTheLocalSimulatorPassesThroughEveryStateAndStoresEachTimestampedTransition() {
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "local", 200, JobOptions.defaults().withSeed(7)).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.transitions()).extracting(Transition::to)
                .containsExactly(JobState.CREATED, JobState.VALIDATING, JobState.QUEUED, JobState.COMPLETED);
        assertThat(job.transitions()).allSatisfy(t -> assertThat(t.at()).isNotNull());
        assertThat(job.counts().keySet()).containsExactly("00", "11");
        assertThat(job.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(store.find(job.id())).contains(job);
        assertThat(seen).containsExactly(job.id() + " null->CREATED", job.id() + " CREATED->VALIDATING",
                job.id() + " VALIDATING->QUEUED", job.id() + " QUEUED->COMPLETED");
    }

    @Test
    void aProviderJobIsFollowedFromQueuedThroughRunning() {
        ibm.pollsUntilDone = 3;
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id());
        assertThat(job.transitions()).extracting(Transition::to).containsSubsequence(JobState.QUEUED, JobState.RUNNING,
                JobState.COMPLETED);
        assertThat(job.providerJobIds()).containsExactly("ibm:manila-job-1");
        assertThat(time.sleeps).startsWith(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void aJobWhoseEngineClassCannotBeLoadedFailsNamingItInsteadOfStayingUnsettled() {
        ibm.onPoll = id -> {
            throw new NoClassDefFoundError("jdk/incubator/vector/Vector");
        };
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).contains("internal error").contains("jdk/incubator/vector/Vector");
        assertThat(store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aCircuitTheBackendRefusesFailsBeforeAnythingIsSentOrCharged() {
        ibm.problems = List.of("device qubits 0 and 2 are not coupled on manila");
        JobService jobs = service();
        assertThatThrownBy(() -> jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("not coupled");
        assertThat(store.all()).singleElement().satisfies(j -> {
            assertThat(j.state()).isEqualTo(JobState.FAILED);
            assertThat(j.reason()).contains("not coupled");
        });
        assertThat(ibm.submitCalls).hasValue(0);
        assertThat(ledger.charges()).isEmpty();
    }

    @Test
    void theEmulatorRefusesACircuitLargerThanItsDeviceAtSubmission() {
        Circuit big = QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\ncreg c[6];\n"
                + "cx q[0], q[5];\nmeasure q -> c;\n", "big.qasm");
        JobService jobs = service();
        assertThatThrownBy(() -> jobs.submit(big, "emulator:manila", 100, JobOptions.defaults()))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("manila");
    }

    @Test
    void timeoutsRateLimitsAndServerErrorsAreRetriedUnderOneKeySoOneProviderJobIsMade() {
        ibm.submitFaults.add(FakeProvider.Fault.lostResponse());
        ibm.submitFaults.add(FakeProvider.Fault.rateLimited(Duration.ofSeconds(7)));
        ibm.submitFaults.add(FakeProvider.Fault.serverError());
        ibm.pollFaults.add(FakeProvider.Fault.timeout());
        ibm.pollFaults.add(FakeProvider.Fault.serverError());
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(ibm.submitCalls).hasValue(4);
        assertThat(ibm.created()).isEqualTo(1);
        assertThat(time.sleeps).contains(Duration.ofSeconds(7));
        assertThat(job.notes()).anyMatch(n -> n.contains("RATE_LIMITED")).anyMatch(n -> n.contains("SERVER_ERROR"));
        assertThat(ledger.charges()).singleElement().satisfies(c -> assertThat(c.key()).isEqualTo("ibm:manila/ibm:manila-job-1"));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinItsBounds() {
        RetryPolicy p = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30));
        SplittableRandom r = new SplittableRandom(5);
        for (int attempt = 1; attempt <= 7; attempt++) {
            long full = Math.min(30_000, 1000L << (attempt - 1));
            Duration d = p.delay(attempt, java.util.Optional.empty(), r);
            assertThat(d.toMillis()).isBetween(full / 2, full);
        }
        assertThat(p.delay(1, java.util.Optional.of(Duration.ofSeconds(42)), r)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aBackendThatKeepsFailingIsLeftForTheNextInTheRankingAndTheJobSaysSo() {
        for (int i = 0; i < RetryPolicy.DEFAULT.maxAttempts(); i++) {
            ibm.submitFaults.add(FakeProvider.Fault.serverError());
        }
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, List.of("ibm:manila", "braket:forte-1"), 10,
                JobOptions.defaults().withBudgetOverride(true)).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.backend()).isEqualTo("braket:forte-1");
        assertThat(job.failedOver()).isTrue();
        assertThat(job.notes()).anyMatch(n -> n.contains("failed over from ibm:manila to braket:forte-1"));
        assertThat(ibm.created()).isZero();
        assertThat(braket.created()).isEqualTo(1);
    }

    @Test
    void aDownBackendFailsOverToTheDevicesEmulator() {
        ibm.status = BackendStatus.OFFLINE;
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults().withEmulatorFallback(true)).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.backend()).isEqualTo("emulator:manila");
        assertThat(job.failedOver()).isTrue();
        assertThat(job.notes()).anyMatch(n -> n.contains("ibm:manila is offline"));
        assertThat(ibm.submitCalls).hasValue(0);
    }

    @Test
    void aBackendCalibratedUnderTheThresholdIsSkipped() {
        ibm.fidelity = 0.90;
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100,
                JobOptions.defaults().withMinFidelity(0.95).withEmulatorFallback(true)).id());
        assertThat(job.backend()).isEqualTo("emulator:manila");
        assertThat(job.notes()).anyMatch(n -> n.contains("fidelity 0.9000 is under the threshold 0.9500"));
    }

    @Test
    void withNoBackendLeftTheJobFailsNamingWhyEachWasSkipped() {
        ibm.status = BackendStatus.OFFLINE;
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).contains("no backend could take the job").contains("ibm:manila is offline");
    }

    @Test
    void partialResultsAreKeptChargedAndResumedWithoutRunningPaidShotsAgain() {
        braket.failAfterShots = 30;
        JobService jobs = service();
        String id = jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults().withBudgetOverride(true)).id();
        JobRecord partial = jobs.current(id);
        assertThat(partial.state()).isEqualTo(JobState.PARTIAL);
        assertThat(partial.partial()).isTrue();
        assertThat(partial.shotsCompleted()).isEqualTo(30);
        assertThat(partial.reason()).contains("30 of 100").contains("maintenance");
        assertThat(partial.charged()).isCloseTo(0.30 + 30 * 0.08, org.assertj.core.data.Offset.offset(1e-9));

        braket.failAfterShots = -1;
        JobRecord done = jobs.resume(id);
        done = jobs.current(id);
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.shotsCompleted()).isEqualTo(100);
        assertThat(done.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(braket.jobs.values()).extracting(Submission::shots).containsExactlyInAnyOrder(100, 70);
        assertThat(ledger.charges()).extracting(Charge::shots).containsExactly(30, 70);
        assertThat(done.charged()).isCloseTo(2 * 0.30 + 100 * 0.08, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aProviderFailureWithNoShotsRunFailsTheJobWithTheProvidersReasonAndNoCharge() {
        braket.failAfterShots = 0;
        JobService jobs = service();
        JobRecord job = jobs.current(jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults().withBudgetOverride(true)).id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).contains("maintenance");
        assertThat(ledger.charges()).allSatisfy(c -> assertThat(c.amount()).isZero());
        assertThat(job.charged()).isZero();
    }

    @Test
    void aQueuedJobCancelledBeforeItStartsIsNeverSent() {
        Deque<Runnable> pending = new ArrayDeque<>();
        JobService jobs = builder(pending::add).build();
        String id = jobs.submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id();
        assertThat(jobs.cancel(id)).isTrue();
        pending.forEach(Runnable::run);
        assertThat(jobs.current(id).state()).isEqualTo(JobState.CANCELLED);
        assertThat(ibm.submitCalls).hasValue(0);
        assertThat(jobs.cancel(id)).isFalse();
    }

    @Test
    void aRunningJobCancelledAlsoCancelsTheProviderJob() {
        ibm.pollsUntilDone = 100;
        JobService[] holder = new JobService[1];
        ibm.onPoll = pid -> {
            if (ibm.polls.get(pid).get() == 2) {
                holder[0].cancel(store.all().getFirst().id());
            }
        };
        holder[0] = service();
        String id = holder[0].submit(BELL, "ibm:manila", 100, JobOptions.defaults()).id();
        JobRecord job = holder[0].current(id);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(ibm.cancelled).containsExactly(job.providerJobId());
        assertThat(job.transitions()).extracting(Transition::to).endsWith(JobState.RUNNING, JobState.CANCELLED);
    }

    @Test
    void aBudgetBlocksASubmissionThatWouldExceedItUnlessOverridden() {
        JobService jobs = builder(Runnable::run).budgets(new Budgets(List.of(Budget.spending("braket", BudgetPeriod.DAY, 5.0))))
                .build();
        assertThatThrownBy(() -> jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults()))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("$8.3000").hasMessageContaining("daily budget for braket is $5.00");
        assertThat(braket.submitCalls).hasValue(0);
        JobRecord job = jobs.current(jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults().withBudgetOverride(true)).id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.estimatedCost()).isCloseTo(8.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ledger.spentSince("braket", BudgetPeriod.DAY.start(time.instant())))
                .isCloseTo(8.30, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void jobsQueuedTogetherCannotOverspendABudgetBetweenThem() {
        Deque<Runnable> pending = new ArrayDeque<>();
        JobService jobs = builder(pending::add).budgets(new Budgets(List.of(Budget.spending("braket", BudgetPeriod.DAY, 20.0))))
                .build();
        jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults());
        jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults());
        assertThatThrownBy(() -> jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults()))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("$16.6000 of it is spent or committed");
        pending.forEach(Runnable::run);
        assertThat(ledger.spentSince("braket", BudgetPeriod.DAY.start(time.instant())))
                .isCloseTo(16.60, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aShotQuotaCountsTheShotsAlreadyRun() {
        JobService jobs = builder(Runnable::run).budgets(new Budgets(List.of(Budget.shots("ibm", BudgetPeriod.MONTH, 1500))))
                .build();
        jobs.submit(BELL, "ibm:manila", 1000, JobOptions.defaults());
        assertThatThrownBy(() -> jobs.submit(BELL, "ibm:manila", 1000, JobOptions.defaults()))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("monthly shot quota of 1500")
                .hasMessageContaining("1000 used or committed");
    }

    @Test
    void submissionsToIbmAreHeldToFiveAMinute() {
        JobService jobs = service();
        for (int i = 0; i < 12; i++) {
            jobs.submit(BELL, "ibm:manila", 10, JobOptions.defaults());
        }
        assertThat(ibm.created()).isEqualTo(12);
        List<java.time.Instant> at = ibm.creations;
        for (int i = 5; i < at.size(); i++) {
            assertThat(Duration.between(at.get(i - 5), at.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(store.all()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.COMPLETED));
    }

    @Test
    void aFullQueueRefusesMoreAndTellsItsLengthAndOldestAge() {
        Deque<Runnable> pending = new ArrayDeque<>();
        JobService jobs = builder(pending::add).queueCapacity(2).build();
        jobs.submit(BELL, "local", 10, JobOptions.defaults());
        time.advance(Duration.ofSeconds(30));
        jobs.submit(BELL, "local", 10, JobOptions.defaults());
        assertThat(jobs.queueLength()).isEqualTo(2);
        assertThat(jobs.oldestWaitingAge()).contains(Duration.ofSeconds(30));
        assertThatThrownBy(() -> jobs.submit(BELL, "local", 10, JobOptions.defaults()))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("queue is full (2 jobs waiting, the oldest for 30 s)");
        pending.forEach(Runnable::run);
        assertThat(jobs.queueLength()).isZero();
        assertThat(jobs.oldestWaitingAge()).isEmpty();
    }

    @Test
    void submittingTwiceWithOneIdempotencyKeyMakesOneJob() {
        JobService jobs = service();
        JobOptions keyed = JobOptions.defaults().withIdempotencyKey("experiment-42");
        String first = jobs.submit(BELL, "ibm:manila", 10, keyed).id();
        String second = jobs.submit(BELL, "ibm:manila", 10, keyed).id();
        assertThat(second).isEqualTo(first);
        assertThat(store.all()).hasSize(1);
        assertThat(ibm.created()).isEqualTo(1);
    }

    @Test
    void afterARestartAJobAlreadySentIsPolledAgainAndChargedOnce() {
        Deque<Runnable> pending = new ArrayDeque<>();
        JobService before = builder(pending::add).build();
        JobRecord queued = before.submit(BELL, "ibm:manila", 100, JobOptions.defaults());
        String pid = ibm.submit(new Submission(queued.submissionKey("ibm:manila"), BELL, 100, 1));
        JobRecord.Draft d = queued.edit();
        d.state = JobState.RUNNING;
        d.backend = "ibm:manila";
        d.providerJobId = pid;
        store.save(d.build());

        JobService after = builder(Runnable::run).build();
        assertThat(after.recover()).isEqualTo(1);
        JobRecord job = after.current(queued.id());
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);
        assertThat(job.notes()).contains("picked up again after a restart");
        assertThat(ibm.created()).isEqualTo(1);
        assertThat(ledger.charges()).hasSize(1);
    }

    @Test
    void afterARestartAQueuedJobIsSentAgainUnderItsKeyWithoutADuplicate() {
        Deque<Runnable> pending = new ArrayDeque<>();
        JobService before = builder(pending::add).build();
        JobRecord queued = before.submit(BELL, "ibm:manila", 100, JobOptions.defaults());
        // the provider took the submission, but the process stopped before the job recorded its id
        ibm.submit(new Submission(queued.submissionKey("ibm:manila"), BELL, 100, 1));

        JobService after = builder(Runnable::run).build();
        after.recover();
        assertThat(after.current(queued.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(ibm.created()).isEqualTo(1);
    }

    @Test
    void afterARestartAJobCaughtWhileValidatingFailsWithNothingSent() {
        JobRecord queued = builder(r -> { }).build().submit(BELL, "ibm:manila", 100, JobOptions.defaults());
        JobRecord.Draft d = queued.edit();
        d.state = JobState.VALIDATING;
        store.save(d.build());
        JobService after = builder(Runnable::run).build();
        assertThat(after.recover()).isZero();
        JobRecord job = after.current(queued.id());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.reason()).contains("nothing was sent");
        assertThat(ibm.submitCalls).hasValue(0);
    }

    @Test
    void anExecutorThatRefusesWorkFailsTheJobInsteadOfLeavingItQueued() {
        JobService jobs = builder(r -> {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }).build();
        assertThatThrownBy(() -> jobs.submit(BELL, "local", 10, JobOptions.defaults())).isInstanceOf(IllegalStateException.class);
        assertThat(store.all()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.FAILED));
    }

    @Test
    void awaitReturnsOnlyOnceTheListenersHaveBeenToldTheJobEnded() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean recorded = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            JobService jobs = builder(pool).build();
            jobs.addListener((job, t) -> {
                if (t.to() == JobState.COMPLETED) {
                    listening.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    recorded.set(true);
                }
            });
            String id = jobs.submit(BELL, "local", 10, JobOptions.defaults()).id();
            assertThat(listening.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // The job is already COMPLETED to anyone asking, but a listener (the run recorder) is still at work.
            assertThat(jobs.current(id).state()).isEqualTo(JobState.COMPLETED);
            java.util.concurrent.CompletableFuture<JobRecord> awaited = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return jobs.await(id, Duration.ofSeconds(10));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> awaited.get(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            release.countDown();
            assertThat(awaited.get(10, java.util.concurrent.TimeUnit.SECONDS).state()).isEqualTo(JobState.COMPLETED);
            assertThat(recorded).isTrue();
            // Once told, a later await returns at once.
            assertThat(jobs.await(id, Duration.ofMillis(1)).state()).isEqualTo(JobState.COMPLETED);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheJob() {
        JobService jobs = service();
        jobs.addListener((job, t) -> {
            throw new IllegalStateException("listener bug");
        });
        assertThat(jobs.current(jobs.submit(BELL, "local", 10, JobOptions.defaults()).id()).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void theSameFailuresAtThirtyPercentOverManyConcurrentJobsNeverDuplicateAJobOrACharge() throws Exception {
        ibm.randomFailureRate = 0.3;
        braket.randomFailureRate = 0.3;
        ibm.pollsUntilDone = 3;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            JobService jobs = builder(pool).rateLimit("ibm", Integer.MAX_VALUE, Duration.ofMinutes(1)).build();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(jobs.submit(BELL, List.of("ibm:manila", "braket:forte-1"), 10,
                        JobOptions.defaults().withBudgetOverride(true)).id());
            }
            for (String id : ids) {
                jobs.await(id, Duration.ofMinutes(2));
            }
            List<JobRecord> all = store.all();
            assertThat(all).hasSize(300).allSatisfy(j -> {
                assertThat(j.state()).isIn(JobState.COMPLETED, JobState.FAILED);
                if (j.state() == JobState.FAILED) {
                    assertThat(j.reason()).isNotBlank();
                }
                assertThat(j.providerJobIds()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2);
            });
            assertThat(ibm.created() + braket.created()).isLessThanOrEqualTo(300 + (int) all.stream()
                    .filter(JobRecord::failedOver).count());
            for (FakeProvider provider : List.of(ibm, braket)) {
                // one provider job per job at most: retries reused the job's key instead of making a new one
                assertThat(provider.jobByKey.keySet()).extracting(k -> k.substring(0, k.indexOf('/'))).doesNotHaveDuplicates();
            }
            assertThat(all).anyMatch(j -> j.notes().stream().anyMatch(n -> n.contains("retry")));
            assertThat(ibm.submitCalls.get()).isGreaterThan(ibm.created());
            List<Charge> charges = ledger.charges();
            assertThat(charges).extracting(Charge::key).doesNotHaveDuplicates();
            assertThat(charges).extracting(Charge::jobId).doesNotHaveDuplicates();
            long completed = all.stream().filter(j -> j.state() == JobState.COMPLETED).count();
            assertThat(charges).hasSize((int) completed);
            assertThat(completed).isGreaterThan(280);
            double charged = all.stream().mapToDouble(JobRecord::charged).sum();
            assertThat(charged).isCloseTo(charges.stream().mapToDouble(Charge::amount).sum(), org.assertj.core.data.Offset.offset(1e-6));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRemoteBackendWithoutAnAdapterIsRefusedClearly() {
        JobService jobs = JobService.builder(local, Runnable::run).build();
        assertThatThrownBy(() -> jobs.submit(BELL, "ionq:forte-1", 10, JobOptions.defaults()))
                .hasMessageContaining("does not connect to ionq");
        assertThatThrownBy(() -> jobs.submit(BELL, "nowhere", 10, JobOptions.defaults()))
                .hasMessageContaining("unknown backend 'nowhere'").hasMessageContaining("emulator:kingston");
    }

    @Test
    void pricesComeFromTheTableGiven() {
        PricingTable cheap = PricingTable.published().with("braket:forte-1",
                io.qubench.device.Pricing.perTaskAndShot(0, 0.01, "negotiated"));
        JobService jobs = builder(Runnable::run).pricing(cheap).build();
        JobRecord job = jobs.current(jobs.submit(BELL, "braket:forte-1", 100, JobOptions.defaults()).id());
        assertThat(job.charged()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
