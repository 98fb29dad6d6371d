package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobState;
import io.qubench.job.Transition;

class H2JobStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00.123456789Z");

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private H2JobStore jobs;

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
    void aJobComesBackEqualToTheRecordSavedWithEveryFieldAndTransition() {
        JobRecord.Draft d = Jobs.ran(Jobs.created("j1", "emulator:manila", T0), JobState.PARTIAL, 300, 200, 0.25).edit();
        d.failedOver = true;
        d.segment = 1;
        d.estimatedCost = 1.5;
        d.notes.add("failed over from ibm:manila");
        JobRecord job = new JobRecord("j1", "k1", Jobs.BELL3, List.of("ibm:manila", "emulator:manila"), 1000,
                new JobOptions(42L, "k1", true, 0.9, true), JobState.CREATED, List.of(), null, null, List.of(), new TreeMap<>(), 0, 0,
                false, "", List.of(), 0, 0, T0);
        JobRecord full = new JobRecord(job.id(), job.idempotencyKey(), job.circuitQasm(), job.backends(), job.shots(), job.options(),
                d.state, d.transitions, "emulator:manila", d.providerJobId, d.providerJobIds, d.counts, d.shotsCompleted, d.segment,
                d.failedOver, d.reason, d.notes, d.estimatedCost, d.charged, T0);
        jobs.save(full);
        assertThat(jobs.find("j1")).contains(full);
        assertThat(jobs.find("j1").orElseThrow().transitions().getFirst().at()).isEqualTo(T0);
    }

    @Test
    void aJobWhoseKeyWasNotGivenComesBackWithoutOne() {
        JobRecord job = Jobs.created("j1", "local", T0);
        assertThat(job.options().idempotencyKey()).isNull();
        jobs.save(job);
        assertThat(jobs.find("j1")).contains(job);
    }

    @Test
    void savingTheSameIdAgainReplacesTheJobAndAddsOnlyTheNewTransitions() {
        JobRecord job = Jobs.created("j1", "local", T0);
        jobs.save(job);
        JobRecord later = Jobs.moved(job, JobState.VALIDATING, T0.plusSeconds(1), "checking");
        jobs.save(later);
        jobs.save(later);
        JobRecord done = Jobs.ran(job, JobState.COMPLETED, 500, 500, 0);
        jobs.save(done);
        assertThat(jobs.all()).containsExactly(done);
        assertThat(jobs.count()).isEqualTo(1);
        assertThat(transitionRows("j1")).isEqualTo(done.transitions().size());
        // A stale record (an older copy saved last) replaces too: the job is what was saved last.
        jobs.save(later);
        assertThat(jobs.find("j1")).contains(later);
        assertThat(transitionRows("j1")).isEqualTo(2);
    }

    @Test
    void findsAJobByItsIdempotencyKeyAndRefusesASecondJobUnderTheSameKey() {
        JobRecord job = Jobs.created("j1", "local", T0);
        jobs.save(job);
        assertThat(jobs.findByIdempotencyKey("key-j1")).contains(job);
        assertThat(jobs.findByIdempotencyKey("key-j2")).isEmpty();
        JobRecord other = new JobRecord("j2", "key-j1", Jobs.BELL3, List.of("local"), 10, JobOptions.defaults(), JobState.CREATED,
                job.transitions(), null, null, List.of(), new TreeMap<>(), 0, 0, false, "", List.of(), 0, 0, T0);
        assertThatThrownBy(() -> jobs.save(other)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("another job was already submitted under idempotency key key-j1");
        assertThat(jobs.find("j2")).isEmpty();
    }

    @Test
    void unsettledListsOnlyJobsStillMovingOldestFirst() {
        JobRecord queued = Jobs.moved(Jobs.moved(Jobs.created("q", "local", T0.plusSeconds(3)), JobState.VALIDATING, T0.plusSeconds(4), ""),
                JobState.QUEUED, T0.plusSeconds(5), "");
        JobRecord created = Jobs.created("c", "local", T0.plusSeconds(1));
        JobRecord done = Jobs.ran(Jobs.created("d", "local", T0), JobState.COMPLETED, 1, 1, 0);
        JobRecord partial = Jobs.ran(Jobs.created("p", "local", T0), JobState.PARTIAL, 1, 1, 0);
        for (JobRecord j : List.of(queued, created, done, partial)) {
            jobs.save(j);
        }
        assertThat(jobs.unsettled()).extracting(JobRecord::id).containsExactly("c", "q");
        assertThat(jobs.all()).extracting(JobRecord::id).containsExactlyInAnyOrder("q", "c", "d", "p");
        assertThat(jobs.newest(2)).extracting(JobRecord::id).containsExactly("c", "q");
    }

    @Test
    void aSaveThatFailsLeavesNothingBehindNotEvenItsCircuit() {
        String longKey = "k".repeat(600);
        JobRecord job = new JobRecord("j1", longKey, Jobs.BELL3 + "// own text\n", List.of("local"), 10, JobOptions.defaults(),
                JobState.CREATED, List.of(new Transition(null, JobState.CREATED, T0, "")), null, null, List.of(), new TreeMap<>(), 0, 0,
                false, "", List.of(), 0, 0, T0);
        assertThatThrownBy(() -> jobs.save(job)).isInstanceOf(HistoryException.class).hasMessageContaining("save job j1");
        assertThat(jobs.find("j1")).isEmpty();
        assertThat(db.circuits().count()).isZero();
    }

    @Test
    void jobsSavedFromTwoInstancesAtOnceAreAllKeptAndOneJobSavedFromBothStaysOne() throws Exception {
        try (HistoryDatabase other = HistoryDatabase.open(DataDirectory.create(tmp))) {
            H2JobStore there = other.jobs();
            CompletableFuture<List<String>> fromThere = CompletableFuture.supplyAsync(() -> saveMany(there, "there"));
            List<String> fromHere = saveMany(jobs, "here");
            List<String> all = new ArrayList<>(fromHere);
            all.addAll(fromThere.get());
            assertThat(jobs.all()).extracting(JobRecord::id).containsExactlyInAnyOrderElementsOf(all).hasSize(41);
            JobRecord shared = jobs.find("shared").orElseThrow();
            assertThat(transitionRows("shared")).isEqualTo(shared.transitions().size());
            // Whichever instance saved last, the job is its record: every transition from one instance, none mixed in.
            assertThat(shared.transitions()).hasSize(20);
            assertThat(shared.transitions().subList(1, 20)).extracting(Transition::reason).containsOnly(shared.transitions().get(1).reason());
        }
    }

    /** Saves 20 jobs of its own through their lifecycle, and the shared job at each step of it. */
    private static List<String> saveMany(H2JobStore store, String tag) {
        List<String> ids = new ArrayList<>();
        JobRecord shared = Jobs.created("shared", "local", T0);
        for (int i = 0; i < 20; i++) {
            JobRecord j = Jobs.created(tag + i, "local", T0.plusSeconds(i));
            store.save(j);
            store.save(Jobs.ran(j, JobState.COMPLETED, i, 20 - i, 0));
            ids.add(j.id());
            shared = i == 0 ? shared : Jobs.moved(shared, i % 2 == 0 ? JobState.VALIDATING : JobState.CREATED, T0.plusSeconds(i), tag);
            store.save(shared);
        }
        if (tag.equals("here")) {
            ids.add("shared");
        }
        return ids;
    }

    private int transitionRows(String jobId) {
        return db.inTransaction("count", c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM job_transition WHERE job_id = ?")) {
                s.setString(1, jobId);
                try (var r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }
}
