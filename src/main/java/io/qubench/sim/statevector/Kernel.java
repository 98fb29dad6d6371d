package io.qubench.sim.statevector;

import java.util.Arrays;

/**
 * One pass over the state, specialised by the kind of gate (after fusion): a dense k-qubit
 * matrix on some targets (optionally under controls), a diagonal (touching only the
 * amplitudes whose phase is not 1), or a swap of two sub-blocks (x, cx, ccx, swap, cswap).
 */
sealed interface Kernel permits Kernel.Dense, Kernel.Diagonal, Kernel.DiagonalRange, Kernel.Swap {

    /** Qubits whose bits are fixed by this pass (targets and controls), ascending. */
    int[] involved();

    /** Qubits the kernel acts on, for fusion. */
    int[] qubits();

    /**
     * A 2^k × 2^k matrix (row-major, split re/im) on {@code targets} (argument j = bit j of the
     * local index), applied where all {@code controlMask} bits are 1.
     */
    record Dense(int[] targets, long controlMask, double[] re, double[] im) implements Kernel {
        @Override
        public int[] involved() {
            return Bits.withMask(targets, controlMask);
        }

        @Override
        public int[] qubits() {
            return involved();
        }
    }

    /** Multiplies the amplitude at local index j of {@code targets} by phase j (skipping phases equal to 1). */
    record Diagonal(int[] targets, double[] re, double[] im) implements Kernel {
        @Override
        public int[] involved() {
            int[] sorted = targets.clone();
            Arrays.sort(sorted);
            return sorted;
        }

        @Override
        public int[] qubits() {
            return involved();
        }
    }

    /**
     * Several diagonal gates fused into one pass: the phase of index i is {@code table[j]} with
     * j = bits [lo, lo + width) of i, and bit {@code extra} of i (when ≥ 0) as bit {@code width}
     * of j. The shape fits a QFT's fan of controlled phases onto one target.
     */
    record DiagonalRange(int lo, int width, int extra, double[] re, double[] im) implements Kernel {
        @Override
        public int[] involved() {
            int[] out = new int[width + (extra >= 0 ? 1 : 0)];
            for (int k = 0; k < width; k++) {
                out[k] = lo + k;
            }
            if (extra >= 0) {
                out[width] = extra;
                java.util.Arrays.sort(out);
            }
            return out;
        }

        @Override
        public int[] qubits() {
            return involved();
        }

        int tableIndex(long i) {
            int j = (int) ((i >>> lo) & ((1L << width) - 1));
            return extra >= 0 ? j | (int) ((i >>> extra) & 1) << width : j;
        }
    }

    /** Exchanges the amplitudes at offsets {@code a} and {@code b} of every block where the controls are 1. */
    record Swap(int[] involved, long controlMask, long a, long b) implements Kernel {
        @Override
        public int[] qubits() {
            return involved;
        }
    }

    /** Bit helpers shared by kernels and the fuser. */
    final class Bits {
        private Bits() {
        }

        /** {@code targets} plus the bits of {@code mask}, ascending and distinct. */
        static int[] withMask(int[] targets, long mask) {
            long all = mask;
            for (int t : targets) {
                all |= 1L << t;
            }
            int[] out = new int[Long.bitCount(all)];
            int i = 0;
            for (int b = 0; b < 64; b++) {
                if (((all >> b) & 1) == 1) {
                    out[i++] = b;
                }
            }
            return out;
        }

        /** Inserts a 0 bit at each of {@code sortedBits} (ascending) into {@code x}. */
        static long deposit(long x, int[] sortedBits) {
            for (int b : sortedBits) {
                x = ((x >>> b) << (b + 1)) | (x & ((1L << b) - 1));
            }
            return x;
        }
    }
}
