package io.qubench.backend;

import java.util.List;

import io.qubench.circuit.Circuit;

/**
 * Somewhere a circuit runs: this machine, a device emulator or a provider's service. Shaped as
 * providers are: {@link #submit} returns the provider's job id at once, {@link #poll} reports on
 * it, and a submission's idempotency key makes a repeated submit return the same job instead of
 * creating (and charging for) a second one. Calls that fail throw {@link BackendException}.
 */
public interface Backend {

    /** What the backend is and how it is now: status, queue length, calibration fidelity. */
    BackendInfo describe();

    /**
     * Why {@code circuit} cannot run here with {@code shots} shots, checked before anything is
     * spent; empty when it can.
     */
    List<String> validate(Circuit circuit, int shots);

    /** Creates the provider job, or returns the one already created under the same idempotency key. */
    String submit(Submission submission);

    ProviderJob poll(String providerJobId);

    /**
     * Tells the backend again what it needs to read the results of a job it took before this
     * process started (after a restart): the submission that created {@code providerJobId}.
     * Backends that keep nothing per job need not do anything.
     */
    default void resume(String providerJobId, Submission submission) {
    }

    /** Asks the provider to stop the job; a job that already ended stays as it was. */
    void cancel(String providerJobId);
}
