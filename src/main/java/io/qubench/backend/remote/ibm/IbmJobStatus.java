package io.qubench.backend.remote.ibm;

import java.util.Locale;

/** What IBM says of a job: its state and, when it failed or was cancelled, why. */
public record IbmJobStatus(State state, String reason, int reasonCode) {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

        static State parse(String status) {
            return switch (status.toLowerCase(Locale.ROOT)) {
                case "queued", "initializing", "validating" -> QUEUED;
                case "running" -> RUNNING;
                case "completed", "done" -> COMPLETED;
                case "cancelled", "canceled", "cancelled - ran too long" -> CANCELLED;
                case "failed", "error" -> FAILED;
                default -> throw new IllegalArgumentException("unknown IBM job status \"" + status + "\"");
            };
        }
    }

    public boolean terminal() {
        return state == State.COMPLETED || state == State.FAILED || state == State.CANCELLED;
    }
}
