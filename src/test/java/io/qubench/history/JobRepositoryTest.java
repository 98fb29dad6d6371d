package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private JobRepository jobs;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        jobs = db.jobs();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNewJobComesBackCreatedWithItsCircuit() {
        JobRecord job = JobRecord.create(Samples.bell(), "ibm_kingston", 1000, T0);
        jobs.save(job);
        JobRecord back = jobs.find(job.id()).orElseThrow();
        assertThat(back).isEqualTo(job);
        assertThat(back.state()).isEqualTo(JobState.CREATED);
        assertThat(back.createdAt()).isEqualTo(T0);
    }

    @Test
    void transitionsAreKeptInOrderWithTheirDetail() {
        JobRecord job = JobRecord.create(Samples.bell(), "ibm", 1000, T0);
        jobs.save(job);
        jobs.append(job.id(), new JobTransition(JobState.VALIDATING, T0.plusSeconds(1), ""));
        jobs.append(job.id(), new JobTransition(JobState.QUEUED, T0.plusSeconds(2), "position 14"));
        jobs.setExternalId(job.id(), "d1f2-provider-id");
        JobRecord now = jobs.append(job.id(), new JobTransition(JobState.RUNNING, T0.plusSeconds(60), ""));
        assertThat(now.state()).isEqualTo(JobState.RUNNING);
        assertThat(now.externalId()).contains("d1f2-provider-id");
        assertThat(now.transitions()).extracting(JobTransition::state)
                .containsExactly(JobState.CREATED, JobState.VALIDATING, JobState.QUEUED, JobState.RUNNING);
        assertThat(now.transitions().get(2).detail()).isEqualTo("position 14");
        assertThat(jobs.find(job.id())).contains(now);
    }

    @Test
    void onlyJobsNotYetFinishedAreListedForResumingOldestFirst() {
        JobRecord queued = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        JobRecord done = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        JobRecord created = JobRecord.create(Samples.circuit(2), "local", 100, T0);
        JobRecord partial = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        for (JobRecord j : new JobRecord[] {queued, done, created, partial}) {
            jobs.save(j);
        }
        jobs.append(queued.id(), new JobTransition(JobState.QUEUED, T0.plusSeconds(1), ""));
        jobs.append(done.id(), new JobTransition(JobState.COMPLETED, T0.plusSeconds(1), ""));
        jobs.append(partial.id(), new JobTransition(JobState.PARTIAL, T0.plusSeconds(1), "cut short after 40 of 100 shots"));
        assertThat(jobs.unfinished()).extracting(JobRecord::id).containsExactly(queued.id(), created.id());
    }

    @Test
    void aFinishedJobTakesNoFurtherState() {
        JobRecord job = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        jobs.save(job);
        jobs.append(job.id(), new JobTransition(JobState.CANCELLED, T0.plusSeconds(1), "by the user"));
        assertThatThrownBy(() -> jobs.append(job.id(), new JobTransition(JobState.RUNNING, T0.plusSeconds(2), "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already CANCELLED");
        assertThat(jobs.find(job.id()).orElseThrow().transitions()).hasSize(2);
    }

    @Test
    void anUnknownJobIsNamedInTheError() {
        assertThatThrownBy(() -> jobs.append("ghost", new JobTransition(JobState.RUNNING, T0, ""))).isInstanceOf(HistoryException.class)
                .hasMessageContaining("there is no job ghost");
        assertThatThrownBy(() -> jobs.setExternalId("ghost", "x")).isInstanceOf(HistoryException.class)
                .hasMessageContaining("there is no job ghost");
        assertThat(jobs.find("ghost")).isEmpty();
    }

    @Test
    void transitionsAppendedFromTwoInstancesAtOnceAreAllKeptInSequence() throws Exception {
        JobRecord job = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        jobs.save(job);
        try (HistoryDatabase other = HistoryDatabase.open(DataDirectory.create(tmp))) {
            Runnable fromHere = () -> appendMany(jobs, job.id(), JobState.QUEUED);
            Thread there = Thread.ofPlatform().start(() -> appendMany(other.jobs(), job.id(), JobState.RUNNING));
            fromHere.run();
            there.join();
        }
        List<JobTransition> kept = jobs.find(job.id()).orElseThrow().transitions();
        assertThat(kept).hasSize(41);
        assertThat(kept).filteredOn(t -> t.state() == JobState.QUEUED).hasSize(20);
        assertThat(kept).filteredOn(t -> t.state() == JobState.RUNNING).hasSize(20);
    }

    private static void appendMany(JobRepository repo, String jobId, JobState state) {
        for (int i = 0; i < 20; i++) {
            repo.append(jobId, new JobTransition(state, T0.plusSeconds(i), "try " + i));
        }
    }

    @Test
    void savingAJobTwiceIsRefused() {
        JobRecord job = JobRecord.create(Samples.bell(), "ibm", 100, T0);
        jobs.save(job);
        assertThatThrownBy(() -> jobs.save(job)).isInstanceOf(HistoryException.class).hasMessageContaining("already kept");
    }
}
