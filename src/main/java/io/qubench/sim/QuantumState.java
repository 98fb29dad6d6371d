package io.qubench.sim;

import java.util.List;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Operation.GateOperation;

/**
 * A pure state held by an engine; {@link ShotRunner} drives it through a circuit and closes it
 * when done, so that a state holding memory outside the Java heap frees it at once.
 */
public interface QuantumState extends AutoCloseable {

    int qubits();

    /** Applies unconditioned gates in order (an engine may fuse them). Parameters are bound. */
    void applyGates(List<GateOperation> gates);

    /** Measures {@code qubit}, collapsing and renormalising; returns true for outcome 1. */
    boolean measure(int qubit, RandomGenerator random);

    /** Resets {@code qubit} to |0⟩. */
    default void reset(int qubit, RandomGenerator random) {
        if (measure(qubit, random)) {
            applyGates(List.of(new GateOperation(io.qubench.circuit.StandardGate.X, List.of(), List.of(qubit))));
        }
    }

    QuantumState copy();

    /** Largest state {@link #amplitudes()} returns: 2^(n+1) doubles must fit one Java array. */
    int MAX_LISTED_QUBITS = 29;

    /** Refuses, with a reason, to list the amplitudes of a state too large for one array. */
    static void requireListable(int qubits) {
        if (qubits > MAX_LISTED_QUBITS) {
            throw new SimulationException("a " + qubits + "-qubit state has 2^" + qubits + " amplitudes, more than one Java array holds: "
                    + "the state vector can be returned for at most " + MAX_LISTED_QUBITS + " qubits");
        }
    }

    /** Interleaved (re, im) amplitudes, index bit k = qubit k (an engine may refuse above some size). */
    double[] amplitudes();

    /** Draws {@code shots} measurements of all qubits (bit k = qubit k) without changing the state. */
    List<java.util.BitSet> sample(int shots, RandomGenerator random);

    /** Frees what the state holds outside the Java heap; the state is not used afterwards. Nothing to do for heap states. */
    @Override
    default void close() {
    }
}
