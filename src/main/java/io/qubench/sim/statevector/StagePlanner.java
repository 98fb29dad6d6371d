package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups kernels into stages that each cost one sweep over memory (cache blocking). A stage
 * acts inside the subcubes of a set S of {@code chunkQubits} qubits: every index whose bits
 * outside S are fixed forms one cache-sized piece of the state, and all the stage's kernels run
 * on one piece before the next. S always holds the lowest {@code minRunQubits} qubits, so a
 * piece is read in contiguous runs of at least 2^minRunQubits amplitudes, plus up to
 * {@code chunkQubits − minRunQubits} higher qubits chosen by the kernels themselves.
 *
 * <p>Kernels move ahead of earlier ones only past kernels on disjoint qubits (they commute), so
 * the stages apply the same unitary as the kernels in order.
 *
 * <p>With {@code freeDiagonals}, a diagonal range (a QFT's fan of controlled phases) joins any
 * stage its order allows, whether or not its qubits are in S: it only multiplies each amplitude by
 * a phase read from the amplitude's own index, which the state computes for a piece from the
 * piece's place ({@link Stage#onStateQubits}). Each fan of QFT-26 onto a high qubit spans more
 * qubits than a piece holds, so every one of them cost a sweep of its own: 29 sweeps, against 3.
 */
final class StagePlanner {

    /**
     * Kernels to run together inside the subcubes of the qubits in {@code qubits} (a bit mask),
     * or, when {@code qubits} is 0, one kernel to run on the whole state.
     */
    record Stage(long qubits, List<Kernel> kernels) {
        boolean whole() {
            return qubits == 0;
        }

        /** Whether kernel {@code k} of the stage acts on qubits outside the piece (a free diagonal range, on the state's own qubits). */
        boolean onStateQubits(Kernel k) {
            return !whole() && (mask(k) & ~qubits) != 0;
        }

        /** The stage's qubits, ascending: bit j of a piece's index is qubit {@code pieceQubits()[j]} of the state. */
        int[] pieceQubits() {
            return Kernel.Bits.withMask(new int[0], qubits);
        }

        /** The kernels on a piece's renumbered qubits (the order is kept, as {@link Kernel#moved} needs). */
        List<Kernel> movedToPiece(int n) {
            int[] piece = pieceQubits();
            int[] to = new int[n];
            for (int j = 0; j < piece.length; j++) {
                to[piece[j]] = j;
            }
            return kernels.stream().map(k -> onStateQubits(k) ? k : k.moved(to)).toList();
        }

        /** A piece is copied in contiguous runs of 2^runQubits() amplitudes: its lowest qubits. */
        int runQubits() {
            return Long.numberOfTrailingZeros(~qubits);
        }

        /** Offset in the state, from a piece's base, of each of its runs in turn. */
        long[] runOffsets() {
            int[] piece = pieceQubits();
            int low = runQubits();
            long[] offsets = new long[1 << (piece.length - low)];
            for (int r = 0; r < offsets.length; r++) {
                for (int j = 0; j < piece.length - low; j++) {
                    if (((r >> j) & 1) == 1) {
                        offsets[r] |= 1L << piece[low + j];
                    }
                }
            }
            return offsets;
        }
    }

    private final int n;
    private final int chunkQubits;
    private final int minRunQubits;
    private final boolean freeDiagonals;

    StagePlanner(int n, int chunkQubits, int minRunQubits) {
        this(n, chunkQubits, minRunQubits, false);
    }

    /** {@code freeDiagonals}: diagonal ranges join any stage (the state must run them on its own qubits, see {@link Stage#onStateQubits}). */
    StagePlanner(int n, int chunkQubits, int minRunQubits, boolean freeDiagonals) {
        if (minRunQubits > chunkQubits) {
            throw new IllegalArgumentException("runs of 2^" + minRunQubits + " do not fit chunks of 2^" + chunkQubits);
        }
        this.n = n;
        this.chunkQubits = chunkQubits;
        this.minRunQubits = minRunQubits;
        this.freeDiagonals = freeDiagonals;
    }

    private boolean free(Kernel k) {
        return freeDiagonals && k instanceof Kernel.DiagonalRange;
    }

    List<Stage> plan(List<Kernel> kernels) {
        List<Stage> stages = new ArrayList<>();
        if (n <= chunkQubits) {
            kernels.forEach(k -> stages.add(new Stage(0, List.of(k))));
            return stages;
        }
        long[] masks = kernels.stream().mapToLong(StagePlanner::mask).toArray();
        boolean[] free = new boolean[kernels.size()];
        for (int k = 0; k < free.length; k++) {
            free[k] = free(kernels.get(k));
        }
        int[] remaining = java.util.stream.IntStream.range(0, kernels.size()).toArray();
        int count = remaining.length;
        boolean[] taken = new boolean[kernels.size()];
        while (count > 0) {
            int[] best = new int[0];
            for (long qubits : candidates(remaining, count, masks, free)) {
                int[] stage = extract(remaining, count, masks, free, qubits);
                if (stage.length > best.length) {
                    best = stage;
                }
            }
            if (best.length == 0) {
                // A kernel too wide for any subcube runs on the whole state.
                best = new int[] {remaining[0]};
            }
            long high = 0;
            List<Kernel> stage = new ArrayList<>(best.length);
            for (int k : best) {
                taken[k] = true;
                if (!free[k]) {
                    high |= masks[k] & ~lowMask();
                }
                stage.add(kernels.get(k));
            }
            stages.add(stage.size() == 1 ? new Stage(0, stage) : new Stage(fill(high), List.copyOf(stage)));
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (!taken[remaining[i]]) {
                    remaining[kept++] = remaining[i];
                }
            }
            count = kept;
        }
        return stages;
    }

    private long lowMask() {
        return (1L << minRunQubits) - 1;
    }

    /**
     * Piece qubit sets worth trying for the next stage: the high qubits of the kernels in order,
     * first come first served (the old greedy choice), and every window of consecutive high
     * qubits. On a brickwork circuit a window lets a stage run a deep light cone; first come
     * first served scattered the qubits and made random-24 take 18 sweeps for 20 layers.
     */
    private List<Long> candidates(int[] remaining, int count, long[] masks, boolean[] free) {
        long low = lowMask();
        int highRoom = chunkQubits - minRunQubits;
        List<Long> out = new ArrayList<>();
        long high = 0;
        long blocked = 0;
        for (int i = 0; i < count && blocked != allMask(); i++) {
            long mask = masks[remaining[i]];
            long kernelHigh = free[remaining[i]] ? 0 : mask & ~low;
            if ((mask & blocked) == 0 && Long.bitCount(high | kernelHigh) <= highRoom) {
                high |= kernelHigh;
            } else {
                blocked |= mask;
            }
        }
        out.add(low | high);
        for (int from = minRunQubits; from + highRoom <= n; from++) {
            out.add(low | (((1L << highRoom) - 1) << from));
        }
        return out;
    }

    /**
     * The kernels (indices, in order) a stage on {@code qubits} takes: each one inside them that
     * no kernel left behind before it touches (those it would have to move past).
     */
    private int[] extract(int[] remaining, int count, long[] masks, boolean[] free, long qubits) {
        int[] out = new int[count];
        int size = 0;
        long blocked = 0;
        long all = allMask();
        for (int i = 0; i < count && blocked != all; i++) {
            long mask = masks[remaining[i]];
            if ((mask & blocked) == 0 && (free[remaining[i]] || (mask & ~qubits) == 0)) {
                out[size++] = remaining[i];
            } else {
                blocked |= mask;
            }
        }
        return java.util.Arrays.copyOf(out, size);
    }

    private long allMask() {
        return n == 64 ? -1L : (1L << n) - 1;
    }

    /**
     * The kernels as the stages run them: on a piece's renumbered qubits inside a stage, on the
     * state's own qubits in a whole-state one (what a warm-up must compile).
     */
    List<Kernel> asRun(List<Kernel> kernels) {
        List<Kernel> out = new ArrayList<>();
        for (Stage stage : plan(kernels)) {
            out.addAll(stage.whole() ? stage.kernels() : stage.movedToPiece(n));
        }
        return out;
    }

    /** The stage's high qubits plus the lowest others, up to {@code chunkQubits} in all. */
    private long fill(long high) {
        long s = high;
        for (int q = 0; q < n && Long.bitCount(s) < chunkQubits; q++) {
            s |= 1L << q;
        }
        return s;
    }

    static long mask(Kernel k) {
        long mask = 0;
        for (int q : k.involved()) {
            mask |= 1L << q;
        }
        return mask;
    }
}
