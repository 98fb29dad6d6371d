package io.qubench.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when something sleeps on it: tests wait for nothing. */
final class FakeTime extends Clock implements Sleeper {

    private final AtomicReference<Instant> now;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        now = new AtomicReference<>(start);
    }

    FakeTime() {
        this(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        advance(d);
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
