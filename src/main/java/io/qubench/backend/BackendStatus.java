package io.qubench.backend;

/** Whether a backend takes jobs now. */
public enum BackendStatus {
    ONLINE, OFFLINE
}
