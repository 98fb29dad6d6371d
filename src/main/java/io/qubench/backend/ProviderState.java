package io.qubench.backend;

/** A provider job's state, the common part of IBM's, IonQ's and Braket's. */
public enum ProviderState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
