package io.qubench.sim.statevector;

import java.util.Arrays;

/**
 * One pass over the state, specialised by the kind of gate (after fusion): a dense k-qubit
 * matrix on some targets (optionally under controls), a diagonal (touching only the
 * amplitudes whose phase is not 1), or a swap of two sub-blocks (x, cx, ccx, swap, cswap).
 */
sealed interface Kernel permits Kernel.Dense, Kernel.Diagonal, Kernel.DiagonalRange, Kernel.Swap, Kernel.TraceMix {

    /** Qubits whose bits are fixed by this pass (targets and controls), ascending. */
    int[] involved();

    /** Qubits the kernel acts on, for fusion. */
    int[] qubits();

    /**
     * The same pass with qubit q moved to {@code to[q]}, for a kernel run on a gathered copy of
     * part of the state. The map must keep order (q < p ⇒ to[q] < to[p]) on the kernel's qubits,
     * so that sorted lists stay sorted and a range of qubits stays a range.
     */
    Kernel moved(int[] to);

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

        @Override
        public Dense moved(int[] to) {
            return new Dense(Bits.map(targets, to), Bits.map(controlMask, to), re, im);
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

        @Override
        public Diagonal moved(int[] to) {
            return new Diagonal(Bits.map(targets, to), re, im);
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

        @Override
        public DiagonalRange moved(int[] to) {
            return new DiagonalRange(to[lo], width, extra >= 0 ? to[extra] : -1, re, im);
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

        @Override
        public Swap moved(int[] to) {
            return new Swap(Bits.map(involved, to), Bits.map(controlMask, to), Bits.map(a, to), Bits.map(b, to));
        }
    }

    /**
     * For a density matrix held as a vector: adds {@code weight} × the partial trace over some
     * qubits to each of its diagonal entries. Qubit j of the set is bit {@code rows[j]} (its row)
     * and bit {@code columns[j]} (its column) of the index; for every setting of the other bits,
     * each entry whose row and column bits agree (s, s) gains weight · Σ_t (t, t). With the
     * state scaled apart this is a depolarizing channel, touching 1/2^k of the entries.
     */
    record TraceMix(int[] rows, int[] columns, double weight) implements Kernel {
        @Override
        public int[] involved() {
            int[] all = new int[rows.length + columns.length];
            System.arraycopy(rows, 0, all, 0, rows.length);
            System.arraycopy(columns, 0, all, rows.length, columns.length);
            Arrays.sort(all);
            return all;
        }

        @Override
        public int[] qubits() {
            return involved();
        }

        @Override
        public TraceMix moved(int[] to) {
            return new TraceMix(Bits.map(rows, to), Bits.map(columns, to), weight);
        }

        /** Offset of the diagonal entry (s, s) from the block's base, for each s. */
        int[] diagonalOffsets() {
            int[] off = new int[1 << rows.length];
            for (int s = 0; s < off.length; s++) {
                for (int j = 0; j < rows.length; j++) {
                    if (((s >> j) & 1) == 1) {
                        off[s] |= (1 << rows[j]) | (1 << columns[j]);
                    }
                }
            }
            return off;
        }
    }

    /** Bit helpers shared by kernels and the fuser. */
    final class Bits {
        private Bits() {
        }

        /** The {@code x}-th index whose bit k is 0, for {@code below} = 2^k − 1: a 0 bit put into {@code x} at bit k. */
        static int insertZero(int x, int below) {
            return (x & ~below) << 1 | (x & below);
        }

        /** As above, for long indices. */
        static long insertZero(long x, long below) {
            return (x & ~below) << 1 | (x & below);
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

        /** The bits {@code bits} as a mask. */
        static long mask(int[] bits) {
            long m = 0;
            for (int b : bits) {
                m |= 1L << b;
            }
            return m;
        }

        static int[] map(int[] qubits, int[] to) {
            int[] out = new int[qubits.length];
            for (int j = 0; j < qubits.length; j++) {
                out[j] = to[qubits[j]];
            }
            return out;
        }

        /** The bits of {@code mask} moved by {@code to}. */
        static long map(long mask, int[] to) {
            long out = 0;
            for (long m = mask; m != 0; m &= m - 1) {
                out |= 1L << to[Long.numberOfTrailingZeros(m)];
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
