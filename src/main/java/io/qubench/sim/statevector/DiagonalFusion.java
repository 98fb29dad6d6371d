package io.qubench.sim.statevector;

import java.util.Arrays;

/**
 * Joins consecutive diagonal gates into one {@link Kernel.DiagonalRange} pass when their
 * qubits form a contiguous range (plus at most one qubit apart) that the kernel can index
 * cheaply and vectorise: the QFT's runs of controlled phases collapse from one pass per gate
 * to one pass per ten gates.
 */
final class DiagonalFusion {

    /** Largest contiguous range: a phase table of 2^11 entries stays in L1. */
    static final int MAX_WIDTH = 10;
    private static final int LANE_BITS = 3;

    private DiagonalFusion() {
    }

    /** The pass doing {@code previous} then {@code next}, or null when they do not fit one. */
    static Kernel join(Kernel previous, Kernel.Diagonal next) {
        if (!(previous instanceof Kernel.Diagonal) && !(previous instanceof Kernel.DiagonalRange)) {
            return null;
        }
        int[] union = union(previous.qubits(), next.qubits());
        Shape shape = shape(union);
        if (shape == null) {
            return null;
        }
        int size = 1 << (shape.width + (shape.extra >= 0 ? 1 : 0));
        double[] re = new double[size];
        double[] im = new double[size];
        for (int j = 0; j < size; j++) {
            long index = indexOf(j, shape);
            double[] a = phase(previous, index);
            double[] b = phase(next, index);
            re[j] = a[0] * b[0] - a[1] * b[1];
            im[j] = a[0] * b[1] + a[1] * b[0];
        }
        return new Kernel.DiagonalRange(shape.lo, shape.width, shape.extra, re, im);
    }

    private record Shape(int lo, int width, int extra) {
    }

    /** A contiguous run, optionally with the top qubit apart; only shapes the kernel vectorises. */
    private static Shape shape(int[] sorted) {
        int n = sorted.length;
        Shape s = null;
        if (sorted[n - 1] - sorted[0] + 1 == n) {
            s = new Shape(sorted[0], n, -1);
        } else if (n >= 2 && sorted[n - 2] - sorted[0] + 1 == n - 1) {
            s = new Shape(sorted[0], n - 1, sorted[n - 1]);
        }
        if (s == null || s.width > MAX_WIDTH) {
            return null;
        }
        boolean extraHigh = s.extra < 0 || s.extra >= LANE_BITS;
        boolean lanesShareOnePhase = s.lo >= LANE_BITS;
        // Lane bits at and above lo must all fall inside the range for per-lane phase vectors.
        boolean lanesCoveredByRange = s.lo < LANE_BITS && s.lo + s.width >= LANE_BITS;
        return extraHigh && (lanesShareOnePhase || lanesCoveredByRange) ? s : null;
    }

    /** An index whose bits at the shape's qubits spell table entry j (other bits 0). */
    private static long indexOf(int j, Shape s) {
        long index = (long) (j & ((1 << s.width) - 1)) << s.lo;
        if (s.extra >= 0 && ((j >> s.width) & 1) == 1) {
            index |= 1L << s.extra;
        }
        return index;
    }

    private static double[] phase(Kernel k, long index) {
        if (k instanceof Kernel.DiagonalRange r) {
            int j = r.tableIndex(index);
            return new double[] {r.re()[j], r.im()[j]};
        }
        Kernel.Diagonal d = (Kernel.Diagonal) k;
        int local = 0;
        for (int j = 0; j < d.targets().length; j++) {
            local |= (int) ((index >>> d.targets()[j]) & 1) << j;
        }
        return new double[] {d.re()[local], d.im()[local]};
    }

    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }
}
