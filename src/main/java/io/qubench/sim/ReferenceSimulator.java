package io.qubench.sim;

import io.qubench.circuit.Circuit;

/**
 * The plain, obviously-correct state-vector engine: the oracle the fast engines are tested
 * against. It applies each gate's exact matrix, after expanding user-defined gates.
 *
 * <p>When every measurement is terminal, it simulates once and draws all shots from the final
 * distribution; the state vector returned is the one before those measurements. Otherwise
 * (mid-circuit measurement, reset, classical conditions) it simulates shot by shot from the
 * state reached before the first such operation; the state vector returned is the final
 * state of the first shot.
 */
public final class ReferenceSimulator implements Simulator {

    /** Largest state the reference engine's single array can hold (2·2^n doubles). */
    public static final int MAX_QUBITS = 29;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        ShotRunner.requireStatevectorFits(circuit, name(), MAX_QUBITS);
        Circuit flat = ShotRunner.prepare(circuit, options);
        return new ShotRunner<>(flat, options, ReferenceState::new).run(circuit, name(), start);
    }
}
