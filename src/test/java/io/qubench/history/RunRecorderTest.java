package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.backend.Backends;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.Circuit;
import io.qubench.device.ShippedDevices;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.qasm.QasmReader;

/** Jobs run by the job service with the history as its store and ledger, recorded as runs when they end. */
class RunRecorderTest {

    static final Circuit BELL = QasmReader.parse(Jobs.BELL3, "bell");

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    private JobService service(HistoryDatabase on, java.util.concurrent.Executor executor) {
        JobService jobs = JobService.builder(new Backends(SimulatedQueue.NONE, Clock.systemUTC()), executor).store(on.jobs())
                .ledger(on.ledger()).pollInterval(Duration.ofMillis(1), Duration.ofMillis(10)).build();
        jobs.addListener(new RunRecorder(on, "1.2.3-test"));
        return jobs;
    }

    @Test
    void aCompletedEmulatorJobIsRecordedOnceWithFullProvenanceAndTheShippedCalibration() throws Exception {
        JobService jobs = service(db, pool);
        JobRecord job = jobs.submit(BELL, "emulator:manila", 300, JobOptions.defaults().withSeed(11));
        job = jobs.await(job.id(), Duration.ofMinutes(1));
        assertThat(job.state()).isEqualTo(JobState.COMPLETED);

        RunRecord run = db.runs().findByJob(job.id()).orElseThrow();
        Provenance p = run.provenance();
        assertThat(run.circuit().text()).isEqualTo(job.circuitQasm());
        assertThat(run.circuit().hash()).isEqualTo(StoredCircuit.sha256(job.circuitQasm()));
        assertThat(p.backend()).isEqualTo("emulator:manila");
        assertThat(p.shots()).isEqualTo(300);
        assertThat(p.seed()).contains(11L);
        assertThat(p.appVersion()).isEqualTo("1.2.3-test");
        assertThat(p.transpilerSettings()).containsEntry("transpile", "qubench").containsEntry("routing", "sabre");
        assertThat(p.submittedAt()).isEqualTo(job.createdAt());
        assertThat(p.completedAt()).isEqualTo(job.transitions().getLast().at());
        assertThat(db.calibrations().find(p.calibrationId().orElseThrow())).contains(ShippedDevices.load("manila").calibration());
        assertThat(run.result().counts()).isEqualTo(job.counts());
        assertThat(run.result().totalShots()).isEqualTo(300);
        assertThat(run.result().partial()).isFalse();

        // Told again (a second listener, another process seeing the same end): still one run.
        RunRecorder again = new RunRecorder(db, "1.2.3-test");
        assertThat(again.record(job, job.transitions().getLast())).isFalse();
        assertThat(again.catchUp(db.jobs())).isZero();
        assertThat(db.runs().count()).isEqualTo(1);
    }

    @Test
    void aLocalSimulatorRunHasNoCalibrationAndAFailedJobNoRun() throws Exception {
        JobService jobs = service(db, pool);
        JobRecord local = jobs.await(jobs.submit(BELL, "local", 50, JobOptions.defaults()).id(), Duration.ofMinutes(1));
        assertThat(db.runs().findByJob(local.id()).orElseThrow().provenance().calibrationId()).isEmpty();
        Circuit tooWide = QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[6];\ncreg c[6];\nmeasure q -> c;\n", "wide");
        try {
            jobs.submit(tooWide, "emulator:manila", 10, JobOptions.defaults());
        } catch (io.qubench.circuit.UserInputException expected) {
            // refused before it ran: stored FAILED, never a run
        }
        assertThat(db.jobs().all()).extracting(JobRecord::state).containsExactlyInAnyOrder(JobState.COMPLETED, JobState.FAILED);
        assertThat(db.runs().count()).isEqualTo(1);
    }

    @Test
    void aJobLeftQueuedByAStoppedProcessIsFinishedByTheNextAndRecordedOnce() throws Exception {
        String id;
        try (HistoryDatabase first = HistoryDatabase.open(DataDirectory.create(tmp))) {
            // An executor that never runs anything: the process stops with the job queued.
            JobService stopped = service(first, task -> { });
            id = stopped.submit(BELL, "emulator:nairobi", 100, JobOptions.defaults().withSeed(3)).id();
        }
        assertThat(db.jobs().find(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        JobService next = service(db, pool);
        assertThat(next.recover()).isEqualTo(1);
        JobRecord done = next.await(id, Duration.ofMinutes(1));
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.notes()).contains("picked up again after a restart");
        assertThat(db.runs().count()).isEqualTo(1);
        assertThat(db.runs().findByJob(id).orElseThrow().result().totalShots()).isEqualTo(100);
        assertThat(db.ledger().charges()).hasSize(1);
        assertThat(next.recover()).isZero();
    }

    @Test
    void catchingUpRecordsTheJobsThatEndedWithResultsButHaveNoRun() {
        java.time.Instant t = java.time.Instant.parse("2026-11-02T09:00:00Z");
        db.jobs().save(Jobs.ran(Jobs.created("done", "emulator:kingston", t), JobState.COMPLETED, 600, 400, 0));
        db.jobs().save(Jobs.ran(Jobs.created("failed", "emulator:kingston", t), JobState.FAILED, 0, 0, 0));
        db.jobs().save(Jobs.created("waiting", "local", t));
        RunRecorder recorder = new RunRecorder(db, "v");
        assertThat(recorder.catchUp(db.jobs())).isEqualTo(1);
        assertThat(db.runs().findByJob("done").orElseThrow().result().totalShots()).isEqualTo(1000);
        assertThat(recorder.catchUp(db.jobs())).isZero();
        assertThat(db.runs().count()).isEqualTo(1);
    }

    @Test
    void aPartialRunIsReplacedByTheFullResultOfTheSameJobResumed() {
        RunRecorder recorder = new RunRecorder(db, "v");
        JobRecord partial = Jobs.ran(Jobs.created("j1", "emulator:hanoi", java.time.Instant.parse("2026-11-02T09:00:00Z")),
                JobState.PARTIAL, 200, 100, 0);
        assertThat(recorder.record(partial, partial.transitions().getLast())).isTrue();
        assertThat(db.runs().findByJob("j1").orElseThrow().result().partial()).isTrue();
        JobRecord.Draft d = Jobs.moved(Jobs.moved(partial, JobState.QUEUED, partial.transitions().getLast().at().plusSeconds(1), "resumed"),
                JobState.COMPLETED, partial.transitions().getLast().at().plusSeconds(9), "done").edit();
        d.counts.merge("00", 400, Integer::sum);
        d.counts.merge("11", 300, Integer::sum);
        d.shotsCompleted = 1000;
        JobRecord full = d.build();
        assertThat(recorder.record(full, full.transitions().getLast())).isTrue();
        RunRecord run = db.runs().findByJob("j1").orElseThrow();
        assertThat(run.result().partial()).isFalse();
        assertThat(run.result().totalShots()).isEqualTo(1000);
        assertThat(run.provenance().completedAt()).isEqualTo(full.transitions().getLast().at());
        assertThat(db.runs().count()).isEqualTo(1);
    }
}
