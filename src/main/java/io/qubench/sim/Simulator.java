package io.qubench.sim;

import io.qubench.circuit.Circuit;

/** A simulation engine. Every engine runs the same circuits with the same result conventions. */
public interface Simulator {

    /** Short engine name reported with results, e.g. {@code reference}. */
    String name();

    /**
     * Simulates {@code circuit}. Throws a {@link io.qubench.circuit.UserInputException} for a
     * circuit that cannot run (unbound parameter, opaque gate, too large for memory) and
     * {@link java.util.concurrent.CancellationException} when the calling thread is interrupted.
     */
    SimulationResult run(Circuit circuit, RunOptions options);
}
