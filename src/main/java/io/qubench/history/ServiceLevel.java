package io.qubench.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one backend served the jobs created within {@code period}.
 *
 * @param successRate            COMPLETED over the jobs that ended COMPLETED, PARTIAL or FAILED (a cancel is the user's choice, not a failure)
 * @param orchestration          CREATED until first QUEUED: validation, pricing and budget checks
 * @param queueWait              first QUEUED until RUNNING, or until the end for a job never seen running
 * @param execution              RUNNING until the end, for jobs seen running
 * @param cost                   what the ledger charged for these jobs, in USD
 * @param costPerSuccess         {@code cost} over the COMPLETED jobs (failures' cost included: that is what a result cost)
 * @param partialRate            jobs that were ever PARTIAL over those that returned results (COMPLETED or PARTIAL)
 * @param runs                   runs recorded on this backend and submitted within the period
 * @param provenanceCompleteness runs with every provenance field set over {@code runs}
 */
public record ServiceLevel(String backend, TimeRange period, int jobs, int completed, int partial, int failed, int cancelled,
        OptionalDouble successRate, Latency orchestration, Latency queueWait, Latency execution, double cost,
        OptionalDouble costPerSuccess, OptionalDouble partialRate, int runs, OptionalDouble provenanceCompleteness) {

    /** A latency over {@code count} jobs; median and 95th percentile empty when there are none. */
    public record Latency(int count, Optional<Duration> median, Optional<Duration> p95) {

        static Latency of(List<Duration> values) {
            if (values.isEmpty()) {
                return new Latency(0, Optional.empty(), Optional.empty());
            }
            List<Duration> sorted = values.stream().sorted().toList();
            return new Latency(sorted.size(), Optional.of(percentile(sorted, 0.50)), Optional.of(percentile(sorted, 0.95)));
        }

        /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
        private static Duration percentile(List<Duration> sorted, double q) {
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }
}
