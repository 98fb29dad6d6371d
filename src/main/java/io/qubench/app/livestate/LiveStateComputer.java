package io.qubench.app.livestate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.qubench.analysis.BlochVector;
import io.qubench.circuit.Circuit;
import io.qubench.sim.Bitstrings;
import io.qubench.sim.PauliString;
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
        return compute(circuit, topK, List.of());
    }

    /** As above, with ⟨P⟩ of each of {@code paulis} (none longer than the circuit is wide). */
    LiveState compute(Circuit circuit, int topK, List<PauliString> paulis) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        if (n > MAX_QUBITS) {
            throw new IllegalArgumentException("live state holds at most " + MAX_QUBITS + " qubits, not " + n);
        }
        PreMeasurementCircuit unitary = PreMeasurementCircuit.of(circuit);
        SimulationResult r = simulator.run(unitary.gates(), RunOptions.shots(0, 0).withStatevector(true));
        double[] amplitudes = r.statevector();
        ShotRunner.checkCancelled();
        int dimension = 1 << n;
        double[] probabilities = new double[dimension];
        int nonZero = 0;
        for (int i = 0; i < dimension; i++) {
            double p = amplitudes[2 * i] * amplitudes[2 * i] + amplitudes[2 * i + 1] * amplitudes[2 * i + 1];
            probabilities[i] = p;
            if (p > NEGLIGIBLE) {
                nonZero++;
            }
        }
        // One sort gives both cut-offs; skipped when every non-zero state fits in both lists.
        double[] ascending = nonZero > Math.min(topK, MAX_AMPLITUDE_ROWS) ? sortedCopy(probabilities) : null;
        List<LiveState.Amplitude> rows = largestInBasisOrder(probabilities, ascending, MAX_AMPLITUDE_ROWS, nonZero, amplitudes, n);
        List<LiveState.Amplitude> top = largestInBasisOrder(probabilities, ascending, topK, nonZero, amplitudes, n);
        List<BlochVector> bloch = List.of(BlochVector.ofState(amplitudes, n));
        List<String> labels = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            labels.add(circuit.qubitLabel(q));
        }
        List<LiveState.Expectation> expectations = paulis.stream()
                .map(p -> new LiveState.Expectation(p.toString(), p.expectationIn(amplitudes))).toList();
        return new LiveState(n, top, rows, nonZero, bloch, labels, expectations, unitary.note(), System.nanoTime() - start);
    }

    private static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /**
     * The {@code limit} most probable basis states (ties to the lower index), in basis order:
     * every state above the limit-th largest probability, then states equal to it by index.
     */
    private static List<LiveState.Amplitude> largestInBasisOrder(double[] p, double[] ascending, int limit, int nonZero,
            double[] a, int n) {
        int keep = Math.min(limit, nonZero);
        double cutoff = keep == nonZero ? NEGLIGIBLE : ascending[p.length - keep];
        boolean inclusive = keep != nonZero;
        int above = 0;
        if (inclusive) {
            for (double v : p) {
                if (v > cutoff) {
                    above++;
                }
            }
        }
        int ties = keep - above;
        List<LiveState.Amplitude> out = new ArrayList<>(keep);
        for (int i = 0; i < p.length && out.size() < keep; i++) {
            boolean take = p[i] > cutoff || (inclusive && p[i] == cutoff && ties-- > 0);
            if (take) {
                out.add(new LiveState.Amplitude(i, Bitstrings.ofIndex(i, n), a[2 * i], a[2 * i + 1]));
            }
        }
        return out;
    }
}
