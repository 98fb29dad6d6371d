package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.backend.Backends;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.device.ShippedDevices;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;

/**
 * A thousand jobs at once on the device emulators with the history as store, ledger and run
 * recorder: all complete, and the history holds each job and each run exactly once. Prints
 * throughput and latency (measured, not asserted).
 */
class HistoryLoadTest {

    private static final int JOBS = 1000;

    @TempDir
    Path tmp;

    @Test
    void aThousandJobsAtOnceAllCompleteWithOneJobAndOneRunEachInTheHistory() throws Exception {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            JobService jobs = JobService.builder(new Backends(SimulatedQueue.NONE, Clock.systemUTC()), pool).store(db.jobs())
                    .ledger(db.ledger()).pollInterval(Duration.ofMillis(1), Duration.ofMillis(20)).build();
            jobs.addListener(new RunRecorder(db, "load-test"));
            List<String> ids = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                String device = ShippedDevices.NAMES.get(i % ShippedDevices.NAMES.size());
                ids.add(jobs.submit(RunRecorderTest.BELL, "emulator:" + device, 20, JobOptions.defaults()).id());
            }
            long submitted = System.nanoTime();
            for (String id : ids) {
                assertThat(jobs.await(id, Duration.ofMinutes(10)).state()).isEqualTo(JobState.COMPLETED);
            }
            long end = System.nanoTime();

            List<JobRecord> all = db.jobs().all();
            assertThat(all).extracting(JobRecord::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            assertThat(all).allSatisfy(j -> {
                assertThat(j.state()).isEqualTo(JobState.COMPLETED);
                assertThat(j.shotsCompleted()).isEqualTo(20);
            });
            assertThat(db.jobs().count()).isEqualTo(JOBS);
            assertThat(db.runs().count()).isEqualTo(JOBS);
            assertThat(db.runs().list(RunQuery.newest(2 * JOBS))).extracting(r -> r.jobId().orElseThrow()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(db.ledger().charges()).hasSize(JOBS);

            double[] latencies = all.stream().mapToDouble(j -> Duration.between(j.createdAt(), j.transitions().getLast().at()).toNanos() / 1e6)
                    .sorted().toArray();
            System.out.printf(Locale.ROOT, "history load: %d jobs on %d threads with H2 store, ledger and recorder; submitted in %.0f ms, "
                    + "all done in %.0f ms: %.0f jobs/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", JOBS, threads,
                    (submitted - start) / 1e6, (end - start) / 1e6, JOBS / ((end - start) / 1e9), latencies[latencies.length / 2],
                    latencies[(int) Math.ceil(latencies.length * 0.99) - 1], latencies[latencies.length - 1]);
        } finally {
            pool.shutdownNow();
        }
    }
}
