package io.qubench.job;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how long to retry a failed backend call: exponential backoff from
 * {@code baseDelay}, capped at {@code maxDelay}, with "equal jitter" (half the delay fixed,
 * half random) so that many clients do not retry in step; a provider's Retry-After wins.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(1));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long cap = maxDelay.toMillis();
        long exponential = Math.min(cap, baseDelay.toMillis() << Math.min(attempt - 1, 30));
        long half = exponential / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }
}
