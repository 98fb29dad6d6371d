package io.qubench.job;

import java.time.Instant;

/**
 * One actual charge. {@code key} is the provider job charged for: a ledger holds at most one
 * charge per key, so a job polled twice or recovered after a restart is never charged twice.
 */
public record Charge(String key, String jobId, String backend, String provider, int shots, double amount, Instant at) {
}
