package io.qubench.backend.remote.braket;

import java.util.Optional;

/**
 * What Braket says of a quantum task: its state, why it failed, where it waits, where its
 * results go, and how many shots succeeded (a failed or cancelled task may have run some).
 */
public record BraketTaskStatus(State state, String failureReason, Optional<String> queuePosition, String outputS3Bucket,
        String outputS3Directory, long successfulShots) {

    public BraketTaskStatus(State state, String failureReason, Optional<String> queuePosition, String outputS3Bucket,
            String outputS3Directory) {
        this(state, failureReason, queuePosition, outputS3Bucket, outputS3Directory, 0);
    }

    public enum State { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLING, CANCELLED }

    public boolean terminal() {
        return state == State.COMPLETED || state == State.FAILED || state == State.CANCELLED;
    }
}
