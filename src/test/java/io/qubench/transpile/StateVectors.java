package io.qubench.transpile;

import java.util.Map;
import java.util.Random;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;

/** A plain state-vector loop for the tests (index bit k = qubit k), to compare circuits on random input states. */
final class StateVectors {

    private StateVectors() {
    }

    static double[] random(int qubits, long seed) {
        Random r = new Random(seed);
        double[] s = new double[2 << qubits];
        double norm = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextGaussian();
            norm += s[i] * s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= Math.sqrt(norm);
        }
        return s;
    }

    /** The gates of {@code circuit} applied to {@code state} (which must have only gates). */
    static double[] apply(Circuit circuit, double[] state) {
        double[] s = state.clone();
        for (Operation op : circuit.inlined().operations()) {
            if (op instanceof Operation.Barrier) {
                continue;
            }
            GateOperation g = (GateOperation) op;
            apply(s, Gates.matrix(g.gate(), g.paramValues(Map.of())), g.qubits().stream().mapToInt(Integer::intValue).toArray());
        }
        return s;
    }

    private static void apply(double[] s, Matrix m, int[] targets) {
        int dim = m.dimension();
        int size = s.length / 2;
        int mask = 0;
        for (int t : targets) {
            mask |= 1 << t;
        }
        int[] index = new int[dim];
        double[] re = new double[dim];
        double[] im = new double[dim];
        for (int base = 0; base < size; base++) {
            if ((base & mask) != 0) {
                continue;
            }
            for (int local = 0; local < dim; local++) {
                int i = base;
                for (int j = 0; j < targets.length; j++) {
                    if (((local >> j) & 1) != 0) {
                        i |= 1 << targets[j];
                    }
                }
                index[local] = i;
                re[local] = s[2 * i];
                im[local] = s[2 * i + 1];
            }
            for (int r = 0; r < dim; r++) {
                double a = 0;
                double b = 0;
                for (int c = 0; c < dim; c++) {
                    a += m.re(r, c) * re[c] - m.im(r, c) * im[c];
                    b += m.re(r, c) * im[c] + m.im(r, c) * re[c];
                }
                s[2 * index[r]] = a;
                s[2 * index[r] + 1] = b;
            }
        }
    }

    /**
     * The state of {@code qubits} circuit qubits moved into a register of {@code size} qubits,
     * circuit qubit v at position {@code position[v]}, the other positions |0⟩.
     */
    static double[] place(double[] state, int qubits, int[] position, int size) {
        double[] out = new double[2 << size];
        for (int x = 0; x < (1 << qubits); x++) {
            int y = 0;
            for (int v = 0; v < qubits; v++) {
                if (((x >> v) & 1) != 0) {
                    y |= 1 << position[v];
                }
            }
            out[2 * y] = state[2 * x];
            out[2 * y + 1] = state[2 * x + 1];
        }
        return out;
    }

    /** |⟨a|b⟩|: 1 when the states are equal up to a global phase. */
    static double overlap(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return Math.hypot(re, im);
    }
}
