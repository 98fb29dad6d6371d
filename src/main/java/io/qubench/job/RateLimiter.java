package io.qubench.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most {@code permits} submissions in any {@code window}: IBM allows 5 jobs a minute. */
final class RateLimiter {

    private final int permits;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> granted = new ArrayDeque<>();

    RateLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
        this.permits = permits;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits, if needed, until one more submission is allowed, and counts it; returns how long it waited. */
    Duration acquire() {
        Duration waited = Duration.ZERO;
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                while (!granted.isEmpty() && !granted.peekFirst().plus(window).isAfter(now)) {
                    granted.removeFirst();
                }
                if (granted.size() < permits) {
                    granted.addLast(now);
                    return waited;
                }
                wait = Duration.between(now, granted.peekFirst().plus(window));
            }
            sleeper.sleep(wait);
            waited = waited.plus(wait);
        }
    }
}
