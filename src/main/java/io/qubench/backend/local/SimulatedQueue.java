package io.qubench.backend.local;

import java.time.Duration;

/**
 * How a local backend imitates a provider's queue, so that panels and service levels behave as
 * with hardware: each job waits {@code latency} after submission, jobs run one after another,
 * and a job takes {@code perShot} × shots to run.
 */
public record SimulatedQueue(Duration latency, Duration perShot) {

    /** No waiting: a job's result is there at its first poll. */
    public static final SimulatedQueue NONE = new SimulatedQueue(Duration.ZERO, Duration.ZERO);

    /** A short queue and IBM's default 250 µs repetition delay per shot. */
    public static final SimulatedQueue HARDWARE_LIKE = new SimulatedQueue(Duration.ofSeconds(1), Duration.ofNanos(250_000));

    public SimulatedQueue {
        if (latency.isNegative() || perShot.isNegative()) {
            throw new IllegalArgumentException("queue latency and time per shot must not be negative");
        }
    }

    public Duration runTime(int shots) {
        return perShot.multipliedBy(shots);
    }
}
