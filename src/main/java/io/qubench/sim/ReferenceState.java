package io.qubench.sim;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;

/**
 * The reference engine's state: 2^n amplitudes, interleaved (re, im) in one array. Every gate is
 * applied by the same plain gather / multiply / scatter loop, so that it is easy to trust.
 */
final class ReferenceState implements QuantumState {

    private final int qubits;
    private final double[] amplitudes;

    ReferenceState(int qubits) {
        this.qubits = qubits;
        this.amplitudes = new double[2 << qubits];
        amplitudes[0] = 1;
    }

    private ReferenceState(ReferenceState other) {
        this.qubits = other.qubits;
        this.amplitudes = other.amplitudes.clone();
    }

    @Override
    public ReferenceState copy() {
        return new ReferenceState(this);
    }

    @Override
    public int qubits() {
        return qubits;
    }

    @Override
    public double[] amplitudes() {
        return amplitudes.clone();
    }

    @Override
    public void applyGates(List<GateOperation> gates) {
        for (int i = 0; i < gates.size(); i++) {
            GateOperation g = gates.get(i);
            int[] targets = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            apply(Gates.matrix(g.gate(), g.paramValues(Map.of())), targets);
            if ((i & 63) == 63) {
                ShotRunner.checkCancelled();
            }
        }
    }

    @Override
    public List<java.util.BitSet> sample(int shots, RandomGenerator random) {
        return DenseSampling.sample(qubits, this::probabilities, shots, random);
    }

    private void probabilities(long from, long to, DenseSampling.Probabilities.Consumer consumer) {
        for (long i = from; i < to; i++) {
            int k = (int) (2 * i);
            consumer.accept(i, amplitudes[k] * amplitudes[k] + amplitudes[k + 1] * amplitudes[k + 1]);
        }
    }

    /** Applies the k-qubit {@code matrix} with its argument j on qubit {@code targets[j]}. */
    void apply(Matrix matrix, int[] targets) {
        int k = targets.length;
        int dim = 1 << k;
        int[] offsets = new int[dim];
        int targetMask = 0;
        for (int local = 0; local < dim; local++) {
            for (int j = 0; j < k; j++) {
                if (((local >> j) & 1) == 1) {
                    offsets[local] |= 1 << targets[j];
                }
            }
        }
        for (int t : targets) {
            targetMask |= 1 << t;
        }
        double[] m = matrix.toArray();
        double[] inRe = new double[dim];
        double[] inIm = new double[dim];
        int size = 1 << qubits;
        for (int base = 0; base < size; base++) {
            if ((base & targetMask) != 0) {
                continue;
            }
            for (int c = 0; c < dim; c++) {
                int idx = 2 * (base | offsets[c]);
                inRe[c] = amplitudes[idx];
                inIm[c] = amplitudes[idx + 1];
            }
            for (int r = 0; r < dim; r++) {
                double re = 0;
                double im = 0;
                for (int c = 0; c < dim; c++) {
                    double mr = m[2 * (r * dim + c)];
                    double mi = m[2 * (r * dim + c) + 1];
                    re += mr * inRe[c] - mi * inIm[c];
                    im += mr * inIm[c] + mi * inRe[c];
                }
                int idx = 2 * (base | offsets[r]);
                amplitudes[idx] = re;
                amplitudes[idx + 1] = im;
            }
        }
    }

    /** Probability that {@code qubit} reads 1. */
    double probabilityOfOne(int qubit) {
        double p = 0;
        int bit = 1 << qubit;
        for (int i = 0; i < (1 << qubits); i++) {
            if ((i & bit) != 0) {
                p += amplitudes[2 * i] * amplitudes[2 * i] + amplitudes[2 * i + 1] * amplitudes[2 * i + 1];
            }
        }
        return p;
    }

    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        double p1 = probabilityOfOne(qubit);
        boolean one = random.nextDouble() < p1;
        double keep = one ? p1 : 1 - p1;
        double scale = 1 / Math.sqrt(keep);
        int bit = 1 << qubit;
        for (int i = 0; i < (1 << qubits); i++) {
            boolean isOne = (i & bit) != 0;
            if (isOne == one) {
                amplitudes[2 * i] *= scale;
                amplitudes[2 * i + 1] *= scale;
            } else {
                amplitudes[2 * i] = 0;
                amplitudes[2 * i + 1] = 0;
            }
        }
        return one;
    }

    /** Resets {@code qubit} to |0⟩: measure it, and flip it back if it read 1. */
    @Override
    public void reset(int qubit, RandomGenerator random) {
        if (measure(qubit, random)) {
            int bit = 1 << qubit;
            for (int i = 0; i < (1 << qubits); i++) {
                if ((i & bit) != 0) {
                    int j = i ^ bit;
                    amplitudes[2 * j] = amplitudes[2 * i];
                    amplitudes[2 * j + 1] = amplitudes[2 * i + 1];
                    amplitudes[2 * i] = 0;
                    amplitudes[2 * i + 1] = 0;
                }
            }
        }
    }
}
