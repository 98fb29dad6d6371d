package io.qubench.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A job entering {@code state} at {@code at}.
 *
 * @param detail why, in words (a provider message, a retry count); empty when there is nothing to say
 */
public record JobTransition(JobState state, Instant at, String detail) {

    public JobTransition {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
