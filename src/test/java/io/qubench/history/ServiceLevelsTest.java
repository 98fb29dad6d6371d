package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.job.Charge;
import io.qubench.job.JobRecord;
import io.qubench.job.JobState;

class ServiceLevelsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final TimeRange DAY = new TimeRange(T.minus(Duration.ofHours(12)), T.plus(Duration.ofHours(12)));

    @TempDir
    Path tmp;

    private HistoryDatabase db;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        RunRecorder recorder = new RunRecorder(db, "1.0");
        // manila: each job that ran took 2 s to queue, waited 3 s, ran 10 s (see Jobs.ran).
        end(recorder, Jobs.ran(Jobs.created("m1", "emulator:manila", T), JobState.COMPLETED, 500, 500, 0), 1.0);
        end(recorder, Jobs.ran(Jobs.created("m2", "emulator:manila", T.plusSeconds(60)), JobState.COMPLETED, 600, 400, 0), 2.0);
        end(recorder, Jobs.ran(Jobs.created("m3", "emulator:manila", T.plusSeconds(120)), JobState.FAILED, 0, 0, 0), 0.5);
        end(recorder, Jobs.ran(Jobs.created("m4", "emulator:manila", T.plusSeconds(180)), JobState.PARTIAL, 200, 100, 0), 0.5);
        JobRecord cancelled = Jobs.moved(Jobs.created("m5", "emulator:manila", T), JobState.CANCELLED, T.plusSeconds(1), "by the user");
        db.jobs().save(cancelled);
        // Outside the period: left out.
        end(recorder, Jobs.ran(Jobs.created("old", "emulator:manila", T.minus(Duration.ofDays(10))), JobState.FAILED, 0, 0, 0), 7.0);
        // A run on manila without a seed: its provenance is incomplete.
        db.runs().save(RunRecord.create(Samples.bell(), new Provenance("emulator:manila", Optional.of("cal"), Map.of("transpile", "none"),
                100, Optional.empty(), "1.0", T, T.plusSeconds(1)), Samples.counts(50, 50), Optional.empty()));
        // local: never seen running; queued after 2 s, done 4 s later.
        JobRecord local = Jobs.moved(Jobs.moved(Jobs.created("l1", "local", T), JobState.VALIDATING, T.plusSeconds(1), ""),
                JobState.QUEUED, T.plusSeconds(2), "");
        JobRecord.Draft d = Jobs.moved(local, JobState.COMPLETED, T.plusSeconds(6), "done").edit();
        d.backend = "local";
        d.counts.put("00", 1000);
        d.shotsCompleted = 1000;
        end(recorder, d.build(), 0);
    }

    private void end(RunRecorder recorder, JobRecord job, double charge) {
        db.jobs().save(job);
        if (charge > 0) {
            db.ledger().record(new Charge(job.id() + "/p", job.id(), job.backends().getFirst(), "emulator", 100, charge,
                    job.transitions().getLast().at()));
        }
        recorder.catchUp(db.jobs());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachBackendsLevelsComeFromItsJobsTransitionsChargesAndRunsInThePeriod() {
        List<ServiceLevel> levels = db.serviceLevels().per(DAY, Optional.empty());
        assertThat(levels).extracting(ServiceLevel::backend).containsExactly("emulator:manila", "local");

        ServiceLevel manila = levels.getFirst();
        assertThat(manila.jobs()).isEqualTo(5);
        assertThat(List.of(manila.completed(), manila.partial(), manila.failed(), manila.cancelled())).containsExactly(2, 1, 1, 1);
        assertThat(manila.successRate().orElseThrow()).isCloseTo(0.5, within(1e-12));
        assertThat(manila.orchestration()).isEqualTo(latency(4, 2));
        assertThat(manila.queueWait()).isEqualTo(latency(4, 3));
        assertThat(manila.execution()).isEqualTo(latency(4, 10));
        assertThat(manila.cost()).isCloseTo(4.0, within(1e-12));
        assertThat(manila.costPerSuccess().orElseThrow()).isCloseTo(2.0, within(1e-12));
        assertThat(manila.partialRate().orElseThrow()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(manila.runs()).isEqualTo(4);
        assertThat(manila.provenanceCompleteness().orElseThrow()).isCloseTo(0.75, within(1e-12));

        ServiceLevel local = levels.get(1);
        assertThat(local.jobs()).isEqualTo(1);
        assertThat(local.successRate().orElseThrow()).isEqualTo(1.0);
        assertThat(local.queueWait()).as("until the end, never having run").isEqualTo(latency(1, 4));
        assertThat(local.execution().count()).isZero();
        assertThat(local.costPerSuccess().orElseThrow()).isZero();
        assertThat(local.partialRate().orElseThrow()).isZero();
        assertThat(local.provenanceCompleteness().orElseThrow()).as("the ideal simulator needs no calibration").isEqualTo(1.0);
    }

    @Test
    void oneBackendCanBeAskedForAndAPeriodWithoutJobsHasNoLevels() {
        assertThat(db.serviceLevels().per(DAY, Optional.of("local"))).extracting(ServiceLevel::backend).containsExactly("local");
        ServiceLevel old = db.serviceLevels().per(new TimeRange(T.minus(Duration.ofDays(11)), T.minus(Duration.ofDays(9))),
                Optional.empty()).getFirst();
        assertThat(old.jobs()).isEqualTo(1);
        assertThat(old.successRate().orElseThrow()).isZero();
        assertThat(old.costPerSuccess()).isEmpty();
        assertThat(db.serviceLevels().per(new TimeRange(T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(2))), Optional.empty())).isEmpty();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> ms = java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> Duration.ofMillis(i)).toList();
        ServiceLevel.Latency l = ServiceLevel.Latency.of(ms);
        assertThat(l.median()).contains(Duration.ofMillis(50));
        assertThat(l.p95()).contains(Duration.ofMillis(95));
        assertThat(ServiceLevel.Latency.of(List.of()).median()).isEmpty();
    }

    private static ServiceLevel.Latency latency(int count, long seconds) {
        return new ServiceLevel.Latency(count, Optional.of(Duration.ofSeconds(seconds)), Optional.of(Duration.ofSeconds(seconds)));
    }
}
