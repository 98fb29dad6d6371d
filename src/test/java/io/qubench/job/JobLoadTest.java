package io.qubench.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.qubench.backend.Backends;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.device.ShippedDevices;

/** A thousand jobs at once on the device emulators: all complete, each stored once. Prints throughput and latency. */
class JobLoadTest {

    private static final int JOBS = 1000;

    @Test
    void aThousandJobsSubmittedAtOnceAllCompleteAndAreStoredExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        InMemoryJobStore store = new InMemoryJobStore();
        try {
            JobService jobs = JobService.builder(new Backends(SimulatedQueue.NONE, Clock.systemUTC()), pool).store(store)
                    .pollInterval(Duration.ofMillis(1), Duration.ofMillis(20)).build();
            List<String> ids = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                String device = ShippedDevices.NAMES.get(i % ShippedDevices.NAMES.size());
                ids.add(jobs.submit(JobServiceTest.BELL, "emulator:" + device, 20, JobOptions.defaults()).id());
            }
            long submitted = System.nanoTime();
            for (String id : ids) {
                jobs.await(id, Duration.ofMinutes(5));
            }
            long end = System.nanoTime();

            List<JobRecord> all = store.all();
            assertThat(all).hasSize(JOBS);
            assertThat(all).extracting(JobRecord::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
            assertThat(all).extracting(JobRecord::idempotencyKey).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(j -> {
                assertThat(j.state()).isEqualTo(JobState.COMPLETED);
                assertThat(j.providerJobIds()).hasSize(1);
                assertThat(j.shotsCompleted()).isEqualTo(20);
            });
            assertThat(all).extracting(j -> j.backend() + "/" + j.providerJobId()).doesNotHaveDuplicates();

            double[] latencies = all.stream().mapToDouble(j -> Duration.between(j.createdAt(),
                    j.transitions().getLast().at()).toNanos() / 1e6).sorted().toArray();
            System.out.printf(Locale.ROOT, "load: %d jobs on %d threads, submitted in %.0f ms, all done in %.0f ms: "
                    + "%.0f jobs/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", JOBS,
                    Math.max(2, Runtime.getRuntime().availableProcessors()), (submitted - start) / 1e6, (end - start) / 1e6,
                    JOBS / ((end - start) / 1e9), latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)],
                    latencies[latencies.length - 1]);
        } finally {
            pool.shutdownNow();
        }
    }
}
