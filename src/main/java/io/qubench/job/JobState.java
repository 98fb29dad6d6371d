package io.qubench.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a job is in its life. COMPLETED, FAILED and CANCELLED are final; PARTIAL keeps the shots
 * that ran (and were paid for) and may be resumed for the rest, which queues it again.
 */
public enum JobState {
    CREATED, VALIDATING, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, PARTIAL;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether the job has stopped moving: final, or partial and waiting for a resume. */
    public boolean settled() {
        return terminal() || this == PARTIAL;
    }

    /** Still waiting for a backend to start it. */
    public boolean waiting() {
        return this == CREATED || this == VALIDATING || this == QUEUED;
    }

    public Set<JobState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(VALIDATING, FAILED, CANCELLED);
            case VALIDATING -> EnumSet.of(QUEUED, FAILED, CANCELLED);
            case QUEUED -> EnumSet.of(RUNNING, COMPLETED, FAILED, CANCELLED, PARTIAL);
            case RUNNING -> EnumSet.of(COMPLETED, FAILED, CANCELLED, PARTIAL);
            case PARTIAL -> EnumSet.of(QUEUED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    public boolean canMoveTo(JobState to) {
        return next().contains(to);
    }
}
