package io.qubench.job;

/**
 * How to run a job.
 *
 * @param seed              sampling seed; null for a random one (recorded with the job)
 * @param idempotencyKey    the job's key; null for a fresh one. Submitting twice with one key makes one job
 * @param budgetOverride    send it even when it would pass a budget or quota
 * @param minFidelity       skip a backend whose calibration fidelity is below this (0: never)
 * @param emulatorFallback  when no listed backend can take the job, run it on the device's emulator
 */
public record JobOptions(Long seed, String idempotencyKey, boolean budgetOverride, double minFidelity, boolean emulatorFallback) {

    public static JobOptions defaults() {
        return new JobOptions(null, null, false, 0, false);
    }

    public JobOptions withSeed(long value) {
        return new JobOptions(value, idempotencyKey, budgetOverride, minFidelity, emulatorFallback);
    }

    public JobOptions withIdempotencyKey(String key) {
        return new JobOptions(seed, key, budgetOverride, minFidelity, emulatorFallback);
    }

    public JobOptions withBudgetOverride(boolean on) {
        return new JobOptions(seed, idempotencyKey, on, minFidelity, emulatorFallback);
    }

    public JobOptions withMinFidelity(double threshold) {
        return new JobOptions(seed, idempotencyKey, budgetOverride, threshold, emulatorFallback);
    }

    public JobOptions withEmulatorFallback(boolean on) {
        return new JobOptions(seed, idempotencyKey, budgetOverride, minFidelity, on);
    }
}
