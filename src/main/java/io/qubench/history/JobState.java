package io.qubench.history;

/** The states a job passes through, as the history records them. */
public enum JobState {
    CREATED, VALIDATING, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, PARTIAL;

    /** A terminal job never changes again; the others are resumed after a restart. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, CANCELLED, PARTIAL -> true;
            case CREATED, VALIDATING, QUEUED, RUNNING -> false;
        };
    }
}
