package io.qubench.sim.statevector;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.StandardGate;

/** Chooses the cheapest kernel for a gate or a fused block. */
final class Kernels {

    private Kernels() {
    }

    /**
     * The special kernel of a diagonal, permutation or singly-controlled gate, or null when the
     * gate needs a dense one.
     */
    static Kernel special(StandardGate gate, double[] params, int[] q) {
        if (gate.isDiagonal()) {
            return diagonal(gate.matrix(params), q);
        }
        return switch (gate) {
            case X -> new Kernel.Swap(new int[] {q[0]}, 0, 0, 1L << q[0]);
            case CX -> new Kernel.Swap(Kernel.Bits.withMask(q, 0), 1L << q[0], 0, 1L << q[1]);
            case CCX -> new Kernel.Swap(Kernel.Bits.withMask(q, 0), (1L << q[0]) | (1L << q[1]), 0, 1L << q[2]);
            case SWAP -> new Kernel.Swap(Kernel.Bits.withMask(q, 0), 0, 1L << q[0], 1L << q[1]);
            case CSWAP -> new Kernel.Swap(Kernel.Bits.withMask(q, 0), 1L << q[0], 1L << q[1], 1L << q[2]);
            case CY, CH, CRX, CRY, CU3, CU -> controlledBlock(gate.matrix(params), q);
            default -> null;
        };
    }

    /** The 2×2 block a singly-controlled gate applies to its target where the control is 1. */
    private static Kernel controlledBlock(Matrix m, int[] q) {
        // Control is argument 0 (the low bit of the 4×4 index): rows and columns 1 and 3.
        int[] idx = {1, 3};
        double[] re = new double[4];
        double[] im = new double[4];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                re[2 * r + c] = m.re(idx[r], idx[c]);
                im[2 * r + c] = m.im(idx[r], idx[c]);
            }
        }
        return new Kernel.Dense(new int[] {q[1]}, 1L << q[0], re, im);
    }

    static Kernel dense(Matrix m, int[] targets) {
        int d = m.dimension();
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                re[r * d + c] = m.re(r, c);
                im[r * d + c] = m.im(r, c);
            }
        }
        return new Kernel.Dense(targets.clone(), 0, re, im);
    }

    static Kernel.Diagonal diagonal(Matrix m, int[] targets) {
        int d = m.dimension();
        double[] re = new double[d];
        double[] im = new double[d];
        for (int i = 0; i < d; i++) {
            re[i] = m.re(i, i);
            im[i] = m.im(i, i);
        }
        return new Kernel.Diagonal(targets.clone(), re, im);
    }

    /** A fused block: diagonal when it is (runs of rz, cp, cz…), dense otherwise. */
    static Kernel forMatrix(Matrix m, int[] targets) {
        return m.isDiagonal() ? diagonal(m, targets) : dense(m, targets);
    }
}
