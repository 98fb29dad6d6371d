package io.qubench.job;

import java.time.Instant;

/** One change of a job's state, when it happened and why. {@code from} is null for the first. */
public record Transition(JobState from, JobState to, Instant at, String reason) {

    public Transition {
        reason = reason == null ? "" : reason;
    }
}
