package io.qubench.history;

import java.time.Instant;
import java.util.Objects;

/** The instants from {@code from} (included) until {@code until} (excluded). */
public record TimeRange(Instant from, Instant until) {

    /** Wider than any timestamp the history holds. */
    public static final TimeRange ALL = new TimeRange(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"));

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a time range cannot end (" + until + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
