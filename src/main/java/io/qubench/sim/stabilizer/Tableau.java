package io.qubench.sim.stabilizer;

import java.util.Arrays;
import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * The Aaronson–Gottesman (CHP) tableau: rows 0..n-1 destabilizers, n..2n-1 stabilizers, row 2n
 * scratch; each row's X and Z parts bit-packed in {@code long} words, with a sign bit.
 * Gates cost O(n), a measurement O(n²/64).
 */
final class Tableau {

    private final int n;
    private final int words;
    private final long[] x;
    private final long[] z;
    private final boolean[] sign;

    Tableau(int n) {
        this.n = n;
        this.words = (n + 63) >>> 6;
        int rows = 2 * n + 1;
        this.x = new long[rows * words];
        this.z = new long[rows * words];
        this.sign = new boolean[rows];
        for (int q = 0; q < n; q++) {
            x[q * words + (q >>> 6)] |= 1L << q;
            z[(n + q) * words + (q >>> 6)] |= 1L << q;
        }
    }

    private Tableau(Tableau other) {
        this.n = other.n;
        this.words = other.words;
        this.x = other.x.clone();
        this.z = other.z.clone();
        this.sign = other.sign.clone();
    }

    Tableau copy() {
        return new Tableau(this);
    }

    int qubits() {
        return n;
    }

    private boolean xBit(int row, int q) {
        return (x[row * words + (q >>> 6)] >>> q & 1) != 0;
    }

    private boolean zBit(int row, int q) {
        return (z[row * words + (q >>> 6)] >>> q & 1) != 0;
    }

    void h(int a) {
        int w = a >>> 6;
        long m = 1L << a;
        for (int row = 0; row < 2 * n; row++) {
            int i = row * words + w;
            long xa = x[i] & m;
            long za = z[i] & m;
            if (xa != 0 && za != 0) {
                sign[row] = !sign[row];
            }
            x[i] = (x[i] & ~m) | za;
            z[i] = (z[i] & ~m) | xa;
        }
    }

    void s(int a) {
        int w = a >>> 6;
        long m = 1L << a;
        for (int row = 0; row < 2 * n; row++) {
            int i = row * words + w;
            long xa = x[i] & m;
            if (xa != 0 && (z[i] & m) != 0) {
                sign[row] = !sign[row];
            }
            z[i] ^= xa;
        }
    }

    void sdg(int a) {
        int w = a >>> 6;
        long m = 1L << a;
        for (int row = 0; row < 2 * n; row++) {
            int i = row * words + w;
            long xa = x[i] & m;
            if (xa != 0 && (z[i] & m) == 0) {
                sign[row] = !sign[row];
            }
            z[i] ^= xa;
        }
    }

    /** X, Y and Z only flip signs: X anticommutes with Z and Y parts, Z with X and Y parts. */
    void pauli(int a, boolean px, boolean pz) {
        int w = a >>> 6;
        long m = 1L << a;
        for (int row = 0; row < 2 * n; row++) {
            int i = row * words + w;
            boolean flip = (px && (z[i] & m) != 0) ^ (pz && (x[i] & m) != 0);
            if (flip) {
                sign[row] = !sign[row];
            }
        }
    }

    void cx(int a, int b) {
        int wa = a >>> 6;
        int wb = b >>> 6;
        for (int row = 0; row < 2 * n; row++) {
            int base = row * words;
            boolean xa = (x[base + wa] >>> a & 1) != 0;
            boolean za = (z[base + wa] >>> a & 1) != 0;
            boolean xb = (x[base + wb] >>> b & 1) != 0;
            boolean zb = (z[base + wb] >>> b & 1) != 0;
            if (xa && zb && (xb == za)) {
                sign[row] = !sign[row];
            }
            if (xa) {
                x[base + wb] ^= 1L << b;
            }
            if (zb) {
                z[base + wa] ^= 1L << a;
            }
        }
    }

    /** Measures qubit {@code a} in the Z basis; returns true for 1. */
    boolean measure(int a, RandomGenerator random) {
        int p = -1;
        for (int row = n; row < 2 * n; row++) {
            if (xBit(row, a)) {
                p = row;
                break;
            }
        }
        if (p >= 0) {
            for (int row = 0; row < 2 * n; row++) {
                if (row != p && xBit(row, a)) {
                    rowsum(row, p);
                }
            }
            copyRow(p, p - n);
            Arrays.fill(x, p * words, (p + 1) * words, 0);
            Arrays.fill(z, p * words, (p + 1) * words, 0);
            z[p * words + (a >>> 6)] |= 1L << a;
            sign[p] = random.nextBoolean();
            return sign[p];
        }
        int scratch = clearedScratchRow();
        for (int row = 0; row < n; row++) {
            if (xBit(row, a)) {
                rowsum(scratch, row + n);
            }
        }
        return sign[scratch];
    }

    /**
     * ⟨P⟩ of the Pauli string with X part {@code xMask} and Z part {@code zMask} on qubits 0–63
     * (both bits set: Y), without changing the state: 0 when P anticommutes with a stabilizer;
     * else ±P is in the stabilizer group, the product of the stabilizers whose destabilizers
     * anticommute with P, and the sign of that product is the value.
     */
    int expectation(long xMask, long zMask) {
        for (int row = n; row < 2 * n; row++) {
            if (anticommutes(row, xMask, zMask)) {
                return 0;
            }
        }
        int scratch = clearedScratchRow();
        for (int row = 0; row < n; row++) {
            if (anticommutes(row, xMask, zMask)) {
                rowsum(scratch, row + n);
            }
        }
        return sign[scratch] ? -1 : 1;
    }

    /** Whether row {@code row} anticommutes with the Pauli string of these masks (word 0 only). */
    private boolean anticommutes(int row, long xMask, long zMask) {
        int base = row * words;
        return (Long.bitCount(x[base] & zMask ^ z[base] & xMask) & 1) == 1;
    }

    /** Row 2n set to the identity with a + sign, for products of rows to be summed into. */
    private int clearedScratchRow() {
        int scratch = 2 * n;
        Arrays.fill(x, scratch * words, (scratch + 1) * words, 0);
        Arrays.fill(z, scratch * words, (scratch + 1) * words, 0);
        sign[scratch] = false;
        return scratch;
    }

    /** Whether measuring {@code a} now would give a random outcome. */
    boolean isRandom(int a) {
        for (int row = n; row < 2 * n; row++) {
            if (xBit(row, a)) {
                return true;
            }
        }
        return false;
    }

    private void copyRow(int from, int to) {
        System.arraycopy(x, from * words, x, to * words, words);
        System.arraycopy(z, from * words, z, to * words, words);
        sign[to] = sign[from];
    }

    /** Row h := row i · row h, with the sign of the product of the two Pauli strings. */
    private void rowsum(int h, int i) {
        int phase = (sign[h] ? 2 : 0) + (sign[i] ? 2 : 0);
        int hb = h * words;
        int ib = i * words;
        for (int w = 0; w < words; w++) {
            long x1 = x[ib + w];
            long z1 = z[ib + w];
            long x2 = x[hb + w];
            long z2 = z[hb + w];
            long y1 = x1 & z1;
            long onlyX1 = x1 & ~z1;
            long onlyZ1 = ~x1 & z1;
            long plus = (y1 & z2 & ~x2) | (onlyX1 & z2 & x2) | (onlyZ1 & x2 & ~z2);
            long minus = (y1 & x2 & ~z2) | (onlyX1 & z2 & ~x2) | (onlyZ1 & x2 & z2);
            phase += Long.bitCount(plus) - Long.bitCount(minus);
            x[hb + w] = x2 ^ x1;
            z[hb + w] = z2 ^ z1;
        }
        sign[h] = Math.floorMod(phase, 4) == 2;
    }

    /**
     * The Z-basis outcomes of the state: one outcome and a basis of the X parts of the
     * stabilizers; every outcome is the first XOR a subset of the basis, all equally likely.
     */
    Support support(RandomGenerator random) {
        Tableau probe = copy();
        BitSet first = new BitSet(n);
        for (int q = 0; q < n; q++) {
            if (probe.measure(q, random)) {
                first.set(q);
            }
        }
        // Gaussian elimination of the stabilizers' X parts over GF(2).
        long[][] rows = new long[n][];
        for (int r = 0; r < n; r++) {
            rows[r] = Arrays.copyOfRange(x, (n + r) * words, (n + r + 1) * words);
        }
        int rank = 0;
        for (int col = 0; col < n && rank < n; col++) {
            int w = col >>> 6;
            long m = 1L << col;
            int pivot = -1;
            for (int r = rank; r < n; r++) {
                if ((rows[r][w] & m) != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] tmp = rows[pivot];
            rows[pivot] = rows[rank];
            rows[rank] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != rank && (rows[r][w] & m) != 0) {
                    for (int k = 0; k < words; k++) {
                        rows[r][k] ^= rows[rank][k];
                    }
                }
            }
            rank++;
        }
        return new Support(first, Arrays.copyOf(rows, rank), words);
    }

    /** Outcome {@code first} XOR any subset of {@code basis}, uniformly. */
    record Support(BitSet first, long[][] basis, int words) {
        BitSet draw(RandomGenerator random) {
            long[] bits = Arrays.copyOf(first.toLongArray(), words);
            for (long[] b : basis) {
                if (random.nextBoolean()) {
                    for (int k = 0; k < words; k++) {
                        bits[k] ^= b[k];
                    }
                }
            }
            return BitSet.valueOf(bits);
        }
    }

    /** The stabilizer generator on row {@code n + i}: X part, Z part, sign. */
    boolean stabilizerX(int i, int q) {
        return xBit(n + i, q);
    }

    boolean stabilizerZ(int i, int q) {
        return zBit(n + i, q);
    }

    boolean stabilizerSign(int i) {
        return sign[n + i];
    }
}
