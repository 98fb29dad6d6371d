package io.qubench.app.livestate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.qubench.analysis.BlochVector;
import io.qubench.circuit.Circuit;
import io.qubench.sim.Bitstrings;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.statevector.StateVectorSimulator;

/** Circuit → {@link LiveState}: the fast state-vector engine, then selection of what to show. Runs off the FX thread. */
final class LiveStateComputer {

    /** Above this the live view is off: 2^20 amplitudes are still quick; each qubit more doubles the work per edit. */
    static final int MAX_QUBITS = 20;
    static final int MAX_AMPLITUDE_ROWS = 1024;
    /** Probabilities below this are numerical noise of the simulation. */
    static final double NEGLIGIBLE = 1e-12;

    private final StateVectorSimulator simulator = new StateVectorSimulator();

    LiveState compute(Circuit circuit, int topK) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        if (n > MAX_QUBITS) {
            throw new IllegalArgumentException("live state holds at most " + MAX_QUBITS + " qubits, not " + n);
        }
        PreMeasurementCircuit unitary = PreMeasurementCircuit.of(circuit);
        SimulationResult r = simulator.run(unitary.gates(), RunOptions.shots(0, 0).withStatevector(true));
        double[] amplitudes = r.statevector();
        ShotRunner.checkCancelled();
        int keep = Math.max(topK, MAX_AMPLITUDE_ROWS);
        // Min-heap of the largest probabilities seen so far, ties to the lower index.
        PriorityQueue<Integer> largest = new PriorityQueue<>(keep + 1,
                Comparator.<Integer>comparingDouble(i -> probability(amplitudes, i)).thenComparing(Comparator.reverseOrder()));
        int nonZero = 0;
        int dimension = 1 << n;
        for (int i = 0; i < dimension; i++) {
            double p = probability(amplitudes, i);
            if (p <= NEGLIGIBLE) {
                continue;
            }
            nonZero++;
            if (largest.size() < keep) {
                largest.add(i);
            } else if (p > probability(amplitudes, largest.peek())) {
                largest.poll();
                largest.add(i);
            }
        }
        Integer[] byProbability = largest.toArray(Integer[]::new);
        Arrays.sort(byProbability, Comparator.<Integer>comparingDouble(i -> -probability(amplitudes, i)).thenComparing(i -> i));
        List<LiveState.Amplitude> rows = inBasisOrder(byProbability, MAX_AMPLITUDE_ROWS, amplitudes, n);
        List<LiveState.Amplitude> top = inBasisOrder(byProbability, topK, amplitudes, n);
        List<BlochVector> bloch = List.of(BlochVector.ofState(amplitudes, n));
        List<String> labels = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            labels.add(circuit.qubitLabel(q));
        }
        return new LiveState(n, top, rows, nonZero, bloch, labels, unitary.note(), System.nanoTime() - start);
    }

    private static List<LiveState.Amplitude> inBasisOrder(Integer[] byProbability, int limit, double[] a, int n) {
        Integer[] chosen = Arrays.copyOf(byProbability, Math.min(limit, byProbability.length));
        Arrays.sort(chosen);
        List<LiveState.Amplitude> out = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            out.add(new LiveState.Amplitude(i, Bitstrings.ofIndex(i, n), a[2 * i], a[2 * i + 1]));
        }
        return out;
    }

    private static double probability(double[] a, int i) {
        return a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
    }
}
