package io.qubench.sim;

/**
 * A run's counts and the exact expectation values ⟨P⟩ of the state it sampled them from (before
 * its terminal measurements), in the order the Pauli strings were given: one pass for both.
 */
public record ResultWithExpectations(SimulationResult result, double[] expectations) {
}
