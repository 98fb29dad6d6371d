package io.qubench.sim;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run produced. Counts keys follow Qiskit: classical bit 0 is the rightmost character and
 * registers are separated by a space, the last-declared register leftmost. When the circuit
 * measures nothing, all qubits are sampled ({@code implicitMeasurement}), qubit 0 rightmost.
 *
 * @param statevector interleaved (re, im) amplitudes, index bit k = qubit k; null unless asked for
 */
public record SimulationResult(int qubits, int clbits, int shots, long seed, SortedMap<String, Integer> counts,
        double[] statevector, boolean implicitMeasurement, String engine, long elapsedNanos) {

    public SimulationResult {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    /** The measured frequency of {@code key}: count / shots (0 when it never occurred). */
    public double probability(String key) {
        return shots == 0 ? 0 : counts.getOrDefault(key, 0) / (double) shots;
    }
}
