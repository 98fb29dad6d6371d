package io.qubench.backend.remote.ionq;

import java.util.Locale;

/** What IonQ says of a job (v0.4 {@code status}) and, when it failed, why. */
public record IonqJobStatus(State state, String failure) {

    public enum State {
        QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

        static State parse(String status) {
            return switch (status.toLowerCase(Locale.ROOT)) {
                case "submitted", "ready" -> QUEUED;
                case "started", "running" -> RUNNING;
                case "completed" -> COMPLETED;
                case "failed" -> FAILED;
                case "canceled", "cancelled" -> CANCELLED;
                default -> throw new IllegalArgumentException("unknown IonQ job status \"" + status + "\"");
            };
        }
    }

    public boolean terminal() {
        return state == State.COMPLETED || state == State.FAILED || state == State.CANCELLED;
    }
}
