package io.qubench.history;

import java.util.Objects;
import java.util.Optional;

/** Which runs to list: the newest {@code limit}, optionally on one backend and submitted within a period. */
public record RunQuery(Optional<String> backend, Optional<TimeRange> period, int limit) {

    public RunQuery {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(period, "period");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }

    public static RunQuery newest(int limit) {
        return new RunQuery(Optional.empty(), Optional.empty(), limit);
    }

    public RunQuery onBackend(String name) {
        return new RunQuery(Optional.of(name), period, limit);
    }

    public RunQuery within(TimeRange range) {
        return new RunQuery(backend, Optional.of(range), limit);
    }
}
