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

    /**
     * A singly-controlled one-qubit kernel as the uncontrolled two-qubit one it is: the control is
     * argument 0 (as in {@link #controlledBlock}), the identity where it is 0.
     */
    static Kernel.Dense withControlAsTarget(Kernel.Dense d) {
        int[] idx = {1, 3};
        double[] re = new double[16];
        double[] im = new double[16];
        re[0] = 1;
        re[10] = 1;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                re[4 * idx[r] + idx[c]] = d.re()[2 * r + c];
                im[4 * idx[r] + idx[c]] = d.im()[2 * r + c];
            }
        }
        return new Kernel.Dense(new int[] {Long.numberOfTrailingZeros(d.controlMask()), d.targets()[0]}, 0, re, im);
    }

    /** X on {@code target} under {@code controls}, as a dense kernel: for passes whose pair loop takes it faster than a swap's runs. */
    static Kernel.Dense controlledX(int target, long controls) {
        return new Kernel.Dense(new int[] {target}, controls, new double[] {0, 1, 1, 0}, new double[4]);
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

    /**
     * A fused block or any given matrix: diagonal when it is (runs of rz, cp, cz…), a swap when it
     * exchanges two basis states and keeps the rest (x, cx, swap, ccx, also as the density
     * matrix's row and column halves of a gate), dense otherwise.
     */
    static Kernel forMatrix(Matrix m, int[] targets) {
        if (m.isDiagonal()) {
            return diagonal(m, targets);
        }
        Kernel swap = transposition(m, targets);
        return swap != null ? swap : dense(m, targets);
    }

    /**
     * The swap kernel of a matrix that exchanges local basis states p and q (entries exactly 1)
     * and is the identity elsewhere, or null. Bits set in both p and q act as controls; a bit set
     * in neither (an anti-control) is left to the dense kernel: the in-vector swaps assume none.
     */
    private static Kernel transposition(Matrix m, int[] targets) {
        int d = m.dimension();
        int p = -1;
        int q = -1;
        for (int r = 0; r < d; r++) {
            int one = -1;
            for (int c = 0; c < d; c++) {
                if (m.im(r, c) != 0 || (m.re(r, c) != 0 && m.re(r, c) != 1) || (m.re(r, c) == 1 && one >= 0)) {
                    return null;
                }
                if (m.re(r, c) == 1) {
                    one = c;
                }
            }
            if (one < 0) {
                return null;
            }
            if (one != r) {
                if (p < 0) {
                    p = r;
                    q = one;
                } else if (r != q || one != p) {
                    return null;
                }
            }
        }
        if (p < 0) {
            return null;
        }
        long pBits = physical(p, targets);
        long qBits = physical(q, targets);
        if ((pBits | qBits) != physical((1 << targets.length) - 1, targets)) {
            return null;
        }
        long controls = pBits & qBits;
        return new Kernel.Swap(Kernel.Bits.withMask(targets, 0), controls, pBits & ~controls, qBits & ~controls);
    }

    /** Local index j (bit i is argument i) as the bits of the qubits {@code targets}. */
    private static long physical(int j, int[] targets) {
        long bits = 0;
        for (int i = 0; i < targets.length; i++) {
            if (((j >> i) & 1) == 1) {
                bits |= 1L << targets[i];
            }
        }
        return bits;
    }
}
