package io.qubench.circuit;

import java.util.Arrays;

/**
 * A dense square complex matrix, row-major with real and imaginary parts interleaved in one
 * {@code double[]} (no object per entry). Immutable.
 *
 * <p>For a gate on qubits (a0, a1, …) the basis index bit j belongs to argument j, so argument 0
 * is the least-significant bit, as in Qiskit.
 */
public final class Matrix {

    private static final double DEFAULT_TOLERANCE = 1e-9;

    private final int dimension;
    private final double[] data;

    private Matrix(int dimension, double[] data) {
        this.dimension = dimension;
        this.data = data;
    }

    /** Builds a matrix from rows of interleaved (re, im) pairs: {@code of(2, re00, im00, re01, im01, …)}. */
    public static Matrix of(int dimension, double... interleaved) {
        if (interleaved.length != 2 * dimension * dimension) {
            throw new IllegalArgumentException("expected " + 2 * dimension * dimension + " numbers, got " + interleaved.length);
        }
        return new Matrix(dimension, interleaved.clone());
    }

    public static Matrix identity(int dimension) {
        double[] d = new double[2 * dimension * dimension];
        for (int i = 0; i < dimension; i++) {
            d[2 * (i * dimension + i)] = 1;
        }
        return new Matrix(dimension, d);
    }

    /** A diagonal matrix whose entries are e^(i·phase_k). */
    public static Matrix diagonalPhases(double... phases) {
        int n = phases.length;
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            d[2 * (i * n + i)] = Math.cos(phases[i]);
            d[2 * (i * n + i) + 1] = Math.sin(phases[i]);
        }
        return new Matrix(n, d);
    }

    /**
     * The matrix that applies {@code target} to the high qubits when all {@code controls} low
     * qubits are 1 (controls come first in the argument list, so they are the low bits).
     */
    public static Matrix controlled(Matrix target, int controls) {
        int block = target.dimension;
        int mask = (1 << controls) - 1;
        int n = block << controls;
        double[] d = new double[2 * n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                boolean active = (r & mask) == mask && (c & mask) == mask;
                if (active) {
                    int tr = r >> controls;
                    int tc = c >> controls;
                    d[2 * (r * n + c)] = target.re(tr, tc);
                    d[2 * (r * n + c) + 1] = target.im(tr, tc);
                } else if (r == c) {
                    d[2 * (r * n + c)] = 1;
                }
            }
        }
        return new Matrix(n, d);
    }

    public int dimension() {
        return dimension;
    }

    /** Number of qubits this matrix acts on. */
    public int qubits() {
        return Integer.numberOfTrailingZeros(dimension);
    }

    public double re(int row, int column) {
        return data[2 * (row * dimension + column)];
    }

    public double im(int row, int column) {
        return data[2 * (row * dimension + column) + 1];
    }

    /** A copy of the interleaved row-major entries. */
    public double[] toArray() {
        return data.clone();
    }

    /** this · other. */
    public Matrix multiply(Matrix other) {
        requireSameDimension(other);
        int n = dimension;
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double ar = re(i, k);
                double ai = im(i, k);
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double br = other.re(k, j);
                    double bi = other.im(k, j);
                    d[2 * (i * n + j)] += ar * br - ai * bi;
                    d[2 * (i * n + j) + 1] += ar * bi + ai * br;
                }
            }
        }
        return new Matrix(n, d);
    }

    /** Every entry off the diagonal is exactly 0. */
    public boolean isDiagonal() {
        for (int r = 0; r < dimension; r++) {
            for (int c = 0; c < dimension; c++) {
                if (r != c && (re(r, c) != 0 || im(r, c) != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This + other (of the same dimension). */
    public Matrix plus(Matrix other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("cannot add a " + other.dimension + "×" + other.dimension + " matrix to a "
                    + dimension + "×" + dimension + " one");
        }
        double[] d = data.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] += other.data[k];
        }
        return new Matrix(dimension, d);
    }

    public Matrix scale(double re, double im) {
        double[] d = new double[data.length];
        for (int k = 0; k < data.length; k += 2) {
            d[k] = data[k] * re - data[k + 1] * im;
            d[k + 1] = data[k] * im + data[k + 1] * re;
        }
        return new Matrix(dimension, d);
    }

    /** The conjugate transpose. */
    public Matrix adjoint() {
        int n = dimension;
        double[] d = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[2 * (j * n + i)] = re(i, j);
                d[2 * (j * n + i) + 1] = -im(i, j);
            }
        }
        return new Matrix(n, d);
    }

    /**
     * The Kronecker product {@code high ⊗ this}: {@code this} acts on the low qubits and
     * {@code high} on the qubits above them.
     */
    public Matrix tensorBelow(Matrix high) {
        int n = dimension * high.dimension;
        double[] d = new double[2 * n * n];
        for (int hr = 0; hr < high.dimension; hr++) {
            for (int hc = 0; hc < high.dimension; hc++) {
                double xr = high.re(hr, hc);
                double xi = high.im(hr, hc);
                for (int lr = 0; lr < dimension; lr++) {
                    for (int lc = 0; lc < dimension; lc++) {
                        int r = hr * dimension + lr;
                        int c = hc * dimension + lc;
                        double yr = re(lr, lc);
                        double yi = im(lr, lc);
                        d[2 * (r * n + c)] = xr * yr - xi * yi;
                        d[2 * (r * n + c) + 1] = xr * yi + xi * yr;
                    }
                }
            }
        }
        return new Matrix(n, d);
    }

    /**
     * This k-qubit matrix acting on the given {@code targets} of an n-qubit register
     * (target j is argument j of this matrix); identity elsewhere.
     */
    public Matrix embed(int totalQubits, int... targets) {
        if (targets.length != qubits()) {
            throw new IllegalArgumentException("matrix acts on " + qubits() + " qubits, got " + targets.length + " targets");
        }
        int n = 1 << totalQubits;
        int targetMask = 0;
        for (int t : targets) {
            targetMask |= 1 << t;
        }
        double[] d = new double[2 * n * n];
        for (int c = 0; c < n; c++) {
            int local = 0;
            for (int j = 0; j < targets.length; j++) {
                local |= ((c >> targets[j]) & 1) << j;
            }
            int rest = c & ~targetMask;
            for (int lr = 0; lr < dimension; lr++) {
                int r = rest;
                for (int j = 0; j < targets.length; j++) {
                    r |= ((lr >> j) & 1) << targets[j];
                }
                d[2 * (r * n + c)] = re(lr, local);
                d[2 * (r * n + c) + 1] = im(lr, local);
            }
        }
        return new Matrix(n, d);
    }

    public boolean isUnitary() {
        return multiply(adjoint()).approximatelyEquals(identity(dimension), DEFAULT_TOLERANCE * dimension);
    }

    public boolean approximatelyEquals(Matrix other, double tolerance) {
        if (other.dimension != dimension) {
            return false;
        }
        for (int k = 0; k < data.length; k++) {
            if (Math.abs(data[k] - other.data[k]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Equal up to a global phase factor e^(iφ), within {@code tolerance} per entry. */
    public boolean equalsUpToGlobalPhase(Matrix other, double tolerance) {
        if (other.dimension != dimension) {
            return false;
        }
        // Take the phase from the largest entry of this matrix so that noise in tiny entries does not decide it.
        int best = 0;
        double bestNorm = -1;
        for (int k = 0; k < data.length; k += 2) {
            double norm = data[k] * data[k] + data[k + 1] * data[k + 1];
            if (norm > bestNorm) {
                bestNorm = norm;
                best = k;
            }
        }
        double ar = data[best];
        double ai = data[best + 1];
        double br = other.data[best];
        double bi = other.data[best + 1];
        double otherNorm = Math.hypot(br, bi);
        if (otherNorm < 1e-12) {
            return false;
        }
        // phase = a / b, normalised
        double pr = (ar * br + ai * bi) / (Math.sqrt(bestNorm) * otherNorm);
        double pi = (ai * br - ar * bi) / (Math.sqrt(bestNorm) * otherNorm);
        return other.scale(pr, pi).approximatelyEquals(this, tolerance);
    }

    public boolean equalsUpToGlobalPhase(Matrix other) {
        return equalsUpToGlobalPhase(other, DEFAULT_TOLERANCE);
    }

    private void requireSameDimension(Matrix other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("dimension " + dimension + " vs " + other.dimension);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.dimension == dimension && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * dimension + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < dimension; r++) {
            sb.append(r == 0 ? "[" : " ");
            for (int c = 0; c < dimension; c++) {
                sb.append(c == 0 ? "[" : ", ").append(formatComplex(re(r, c), im(r, c)));
            }
            sb.append(r == dimension - 1 ? "]]" : "]\n");
        }
        return sb.toString();
    }

    /** A short human form such as {@code 0.707}, {@code -0.5i} or {@code 0.5+0.5i}. */
    public static String formatComplex(double re, double im) {
        double r = Math.abs(re) < 5e-13 ? 0 : re;
        double i = Math.abs(im) < 5e-13 ? 0 : im;
        if (i == 0) {
            return trim(r);
        }
        if (r == 0) {
            return trim(i) + "i";
        }
        return trim(r) + (i < 0 ? "-" : "+") + trim(Math.abs(i)) + "i";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
