package io.qubench.sim;

/** Receives the fraction (0 to 1) of a run that is done; called from the simulating thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = fraction -> { };

    void progress(double fraction);
}
