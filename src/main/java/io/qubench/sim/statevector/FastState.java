package io.qubench.sim.statevector;

import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Operation.GateOperation;
import io.qubench.sim.DenseSampling;
import io.qubench.sim.QuantumState;
import io.qubench.sim.ShotRunner;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast engine's state: real and imaginary parts in two {@code double[]} of 2^n (so up to
 * 30 qubits fit Java arrays), passes specialised by kernel kind, SIMD through the Vector API
 * on contiguous runs of at least one vector (or plain loops only, in a {@link #scalar} state),
 * and split across threads by a {@link ParallelPolicy}.
 */
public final class FastState implements QuantumState {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();

    private final int n;
    private final double[] re;
    private final double[] im;
    private final ParallelPolicy policy;
    private final int maxFused;
    /** Where each logical qubit lives in the index (SWAP gates relabel). */
    private final QubitLayout layout;
    /** Cache blocking: stages run on pieces of 2^chunkQubits amplitudes read in runs of 2^minRunQubits. */
    private final int chunkQubits;
    private final int minRunQubits;
    /**
     * Runs of at least this many amplitudes go through the Vector API: {@link #LANES}, or never
     * in a scalar state ({@link #scalar}). Shorter runs take the plain loops.
     */
    private final long vectorFrom;
    /** Which qubits are still in |0⟩: the stages skip the pieces where one of them is 1. */
    private final GroundQubits ground;

    /** Whether the kernels use the Vector API (else it is a {@link #scalar} state). */
    private boolean vectors() {
        return vectorFrom == LANES;
    }

    /** |0…0⟩ on {@code n} qubits; {@code maxFused} is the fusion limit (0 turns fusion off). */
    public FastState(int n, ParallelPolicy policy, int maxFused) {
        this(n, policy, maxFused, CHUNK_QUBITS, MIN_RUN_QUBITS, true);
    }

    /**
     * |0…0⟩ whose kernels are plain loops, without the Vector API: for a light run, which is over
     * before C2 would have compiled vector kernels (until then they run boxed, 100–1000× slower).
     */
    public static FastState scalar(int n, ParallelPolicy policy, int maxFused) {
        return new FastState(n, policy, maxFused, CHUNK_QUBITS, MIN_RUN_QUBITS, false);
    }

    /** As above with the cache-blocking sizes given (tests use small ones). */
    FastState(int n, ParallelPolicy policy, int maxFused, int chunkQubits, int minRunQubits, boolean vectors) {
        this.vectorFrom = vectors ? LANES : Long.MAX_VALUE / 4;
        this.chunkQubits = chunkQubits;
        this.minRunQubits = minRunQubits;
        this.n = n;
        double[][] parts = inParallel(policy, 1 << n, k -> new double[1 << n]);
        this.re = parts[0];
        this.im = parts[1];
        this.policy = policy;
        this.maxFused = maxFused;
        this.layout = QubitLayout.identity(n);
        this.ground = new GroundQubits(n);
        re[0] = 1;
    }

    private FastState(FastState other) {
        this.n = other.n;
        double[][] parts = inParallel(other.policy, other.re.length, k -> (k == 0 ? other.re : other.im).clone());
        this.re = parts[0];
        this.im = parts[1];
        this.policy = other.policy;
        this.maxFused = other.maxFused;
        this.layout = other.layout.copy();
        this.chunkQubits = other.chunkQubits;
        this.minRunQubits = other.minRunQubits;
        this.vectorFrom = other.vectorFrom;
        this.ground = other.ground.copy();
    }

    /**
     * The real and imaginary arrays, made by {@code make} (0, then 1) on two threads when they are
     * large: the JVM zeroes an array on the thread allocating it, and first touch of fresh memory is
     * slow here (PERFORMANCE.md), so two threads fault the pages in twice as fast (2 × 128 MiB,
     * 0.68-0.92 s on one thread, 0.49-0.50 s on two).
     */
    private static double[][] inParallel(ParallelPolicy policy, int length, IntFunction<double[]> make) {
        double[][] parts = new double[2][];
        if (length < PARALLEL_ALLOCATION_FROM) {
            parts[0] = make.apply(0);
            parts[1] = make.apply(1);
        } else {
            policy.forCoarse(2, (from, to) -> {
                for (long k = from; k < to; k++) {
                    parts[(int) k] = make.apply((int) k);
                }
            });
        }
        return parts;
    }

    /** Below this many amplitudes (8 MiB per array) allocation is quick on one thread. */
    private static final int PARALLEL_ALLOCATION_FROM = 1 << 20;

    @Override
    public int qubits() {
        return n;
    }

    @Override
    public FastState copy() {
        return new FastState(this);
    }

    @Override
    public double[] amplitudes() {
        QuantumState.requireListable(n);
        double[] out = new double[2 << n];
        boolean relabelled = layout.relabelled();
        for (int i = 0; i < re.length; i++) {
            int j = relabelled ? (int) layout.logicalIndex(i) : i;
            out[2 * j] = re[i];
            out[2 * j + 1] = im[i];
        }
        return out;
    }

    /** Amplitudes per block when sampling: block sums are found in one parallel pass, then only hit blocks are scanned. */
    private static final int SAMPLE_BLOCK = 1 << 14;

    @Override
    public List<java.util.BitSet> sample(int shots, RandomGenerator random) {
        return layout.toLogical(samplePhysical(shots, random));
    }

    private List<java.util.BitSet> samplePhysical(int shots, RandomGenerator random) {
        if (re.length <= SAMPLE_BLOCK) {
            return DenseSampling.sample(n, this::probabilities, shots, random);
        }
        int blocks = re.length / SAMPLE_BLOCK;
        double[] blockSum = new double[blocks];
        policy.forRange(blocks, (from, to) -> {
            // A plain loop: it is compiled early (on-stack replacement), unlike a cold Vector API loop.
            for (int b = (int) from; b < to; b++) {
                double sum = 0;
                int end = (b + 1) * SAMPLE_BLOCK;
                for (int i = b * SAMPLE_BLOCK; i < end; i++) {
                    sum += re[i] * re[i] + im[i] * im[i];
                }
                blockSum[b] = sum;
            }
        });
        // The same sorted-uniforms sweep as DenseSampling, but block by block.
        double[] u = new double[shots];
        for (int s = 0; s < shots; s++) {
            u[s] = random.nextDouble();
        }
        java.util.Arrays.sort(u);
        List<java.util.BitSet> out = new java.util.ArrayList<>(shots);
        double total = 0;
        int next = 0;
        for (int b = 0; b < blocks && next < shots; b++) {
            if (u[next] >= total + blockSum[b]) {
                total += blockSum[b];
                continue;
            }
            int end = (b + 1) * SAMPLE_BLOCK;
            for (int i = b * SAMPLE_BLOCK; i < end && next < shots; i++) {
                total += re[i] * re[i] + im[i] * im[i];
                while (next < shots && u[next] < total) {
                    out.add(java.util.BitSet.valueOf(new long[] {i}));
                    next++;
                }
            }
        }
        if (out.size() < shots) {
            // Rounding left the total a hair under 1: the last shots go to the last non-zero amplitude.
            int last = re.length - 1;
            while (last > 0 && re[last] == 0 && im[last] == 0) {
                last--;
            }
            while (out.size() < shots) {
                out.add(java.util.BitSet.valueOf(new long[] {last}));
            }
        }
        return out;
    }

    private void probabilities(long from, long to, DenseSampling.Probabilities.Consumer consumer) {
        for (int i = (int) from; i < to; i++) {
            consumer.accept(i, re[i] * re[i] + im[i] * im[i]);
        }
    }

    /** Cache blocking: 2^15 amplitudes (512 KiB of re and im) stay in one core's 1 MiB L2 cache. */
    static final int CHUNK_QUBITS = 15;
    /** A gathered piece is read in runs of at least 2^this amplitudes (whole cache lines, few streams). */
    static final int MIN_RUN_QUBITS = 6;

    /**
     * Applies the gates as fused kernels, grouped by {@link StagePlanner} into stages that each
     * cost one sweep over memory: a stage's kernels all run on one cache-sized piece of the state
     * before the next piece is touched.
     */
    @Override
    public void applyGates(List<GateOperation> gates) {
        Fusion fused = prepared;
        prepared = null;
        if (fused != null && !layout.relabelled() && fused.gates().equals(gates)) {
            layout.assign(fused.layoutAfter());
            applyKernels(fused.kernels());
            return;
        }
        applyKernels(new Fuser(n, maxFused).fuse(layout.place(gates)));
    }

    /** Gates fused for a new state: their kernels (on physical qubits) and the qubit layout after their swaps. */
    record Fusion(List<GateOperation> gates, List<Kernel> kernels, QubitLayout layoutAfter) {
    }

    /** Fuses gates as {@link #applyGates} on a new n-qubit state would. */
    static Fusion fuse(int n, int maxFused, List<GateOperation> gates) {
        QubitLayout layout = QubitLayout.identity(n);
        return new Fusion(gates, new Fuser(n, maxFused).fuse(layout.place(gates)), layout);
    }

    /** A fusion the run already made (to choose its kernels), for this new state's first {@link #applyGates} of the same gates. */
    private Fusion prepared;

    /**
     * Lets the first {@link #applyGates} of {@code fused.gates()} use its kernels instead of
     * fusing again: before the JIT has compiled the fuser, fusing QFT-22 took 40–80 ms.
     */
    void prepare(Fusion fused) {
        prepared = fused;
    }

    /** A warm-up of the kernels these gates will run as, on a state one qubit larger than a piece. */
    static Warmup warmupFor(int n, int maxFused, List<GateOperation> gates) {
        return warmupForKernels(n, fuse(n, maxFused, gates).kernels());
    }

    /** A warm-up of the kernels these steps will run as (see {@link #warmupFor}). */
    public static Warmup warmupForSteps(int n, List<? extends Step> steps) {
        return warmupForKernels(n, kernels(steps, QubitLayout.identity(n)));
    }

    /**
     * The warm-up also samples a couple of shots after each stage pass: cold, the sampler's scan
     * of the blocks its shots hit ran interpreted, then compiled from a profile that had never
     * seen a block skipped, and trapped (random-24, interleaved: 72–116 → 50–76 ms from the last gate
     * to the counts).
     */
    static Warmup warmupForKernels(int n, List<Kernel> kernels) {
        List<Kernel> asRun = new StagePlanner(n, CHUNK_QUBITS, MIN_RUN_QUBITS, true).asRun(kernels);
        int qubits = CHUNK_QUBITS + 1;
        RandomGenerator shots = new java.util.SplittableRandom(1);
        return new Warmup("double", qubits, q -> new FastState(q, ParallelPolicy.SEQUENTIAL, 0),
                (s, k) -> ((FastState) s).apply(k), (s, all) -> {
                    FastState state = (FastState) s;
                    state.applyKernels(all);
                    state.samplePhysical(2, shots);
                }, Warmup.representatives(asRun, qubits));
    }

    /** Applies kernels (on physical qubits) in stages of one sweep each. */
    void applyKernels(List<Kernel> kernels) {
        // Free diagonal ranges save sweeps but cost plain loops more than the sweeps they save (QFT-22,
        // whole: 1.44 -> 1.83 s): a plain-loop state keeps every kernel inside its pieces.
        for (StagePlanner.Stage stage : new StagePlanner(n, chunkQubits, minRunQubits, vectors()).plan(kernels)) {
            ShotRunner.checkCancelled();
            if (stage.whole()) {
                apply(stage.kernels().getFirst());
            } else if (Long.numberOfTrailingZeros(~stage.qubits()) == chunkQubits) {
                applyChunked(stage.kernels());
            } else {
                applyGathered(stage);
            }
        }
    }

    /** The chunk is the lowest qubits: the pieces are contiguous and are worked on in place. */
    private void applyChunked(List<Kernel> stage) {
        int[] baseZeros = ground.baseZeros((1L << chunkQubits) - 1);
        policy.forCoarse(1L << (n - baseZeros.length), (from, to) -> {
            for (long c = from; c < to; c++) {
                Space chunk = new Space(Kernel.Bits.deposit(c, baseZeros), chunkQubits, ParallelPolicy.SEQUENTIAL);
                for (Kernel k : stage) {
                    apply(k, chunk);
                }
            }
        });
        stage.forEach(ground::excite);
    }

    /** Per worker thread, the buffer a piece of the state is gathered into. */
    private static final ThreadLocal<FastState> PIECE = new ThreadLocal<>();

    private FastState piece() {
        FastState piece = PIECE.get();
        if (piece == null || piece.n != chunkQubits || piece.vectors() != vectors()) {
            piece = new FastState(chunkQubits, ParallelPolicy.SEQUENTIAL, 0, chunkQubits, minRunQubits, vectors());
            PIECE.set(piece);
        }
        return piece;
    }

    /**
     * The chunk holds high qubits: each piece (the indices with fixed bits outside
     * {@code qubits}) is copied in runs of 2^low contiguous amplitudes into a buffer, where the
     * kernels run on renumbered qubits, and copied back.
     */
    private void applyGathered(StagePlanner.Stage stage) {
        List<Kernel> moved = stage.movedToPiece(n);
        boolean[] onState = new boolean[moved.size()];
        LanePhases[] lanePhases = new LanePhases[moved.size()];
        for (int k = 0; k < onState.length; k++) {
            onState[k] = stage.onStateQubits(stage.kernels().get(k));
            if (onState[k]) {
                lanePhases[k] = LanePhases.of((Kernel.DiagonalRange) moved.get(k));
            }
        }
        int[] baseZeros = ground.baseZeros(stage.qubits());
        Gathered gathered = new Gathered(moved, onState, lanePhases, stage.runOffsets(), stage.runQubits(),
                new Space(0, chunkQubits, ParallelPolicy.SEQUENTIAL));
        policy.forCoarse(1L << (n - baseZeros.length), (from, until) -> {
            FastState piece = piece();
            for (long c = from; c < until; c++) {
                applyGathered(gathered, piece, (int) Kernel.Bits.deposit(c, baseZeros));
            }
        });
        stage.kernels().forEach(ground::excite);
    }

    /**
     * A gathered stage as its pieces run it: kernels on the piece's qubits, which of them are
     * free diagonal ranges on the state's own qubits (with their lane phases), and the runs.
     */
    private record Gathered(List<Kernel> moved, boolean[] onState, LanePhases[] lanePhases, long[] runOffset, int low, Space whole) {
    }

    /**
     * One piece of a gathered stage, from {@code base}: a method of its own, called per piece,
     * so that the JIT compiles it as one, early; inside the loop over a task's pieces, a trap in
     * that loop (its exit, unseen in the warm-up) threw the whole compiled stage away, 2–4 times a run.
     */
    private void applyGathered(Gathered g, FastState piece, int base) {
        long[] runOffset = g.runOffset();
        int low = g.low();
        int runLength = 1 << low;
        for (int r = 0; r < runOffset.length; r++) {
            System.arraycopy(re, base + (int) runOffset[r], piece.re, r << low, runLength);
            System.arraycopy(im, base + (int) runOffset[r], piece.im, r << low, runLength);
        }
        boolean[] onState = g.onState();
        for (int k = 0; k < onState.length; k++) {
            if (onState[k]) {
                piece.diagonalRangeOnRuns((Kernel.DiagonalRange) g.moved().get(k), g.lanePhases()[k], base, runOffset, low);
            } else {
                piece.apply(g.moved().get(k), g.whole());
            }
        }
        for (int r = 0; r < runOffset.length; r++) {
            System.arraycopy(piece.re, r << low, re, base + (int) runOffset[r], runLength);
            System.arraycopy(piece.im, r << low, im, base + (int) runOffset[r], runLength);
        }
    }

    /** A linear step on the state for {@link #applySteps}: a matrix on some qubits, or a density matrix's trace mix. */
    public sealed interface Step permits Targeted, Mix {
    }

    /** A matrix (unitary or not) with argument j on qubit {@code targets[j]}. */
    public record Targeted(io.qubench.circuit.Matrix matrix, int... targets) implements Step {
    }

    /**
     * For a density matrix held as this vector (see {@link Kernel.TraceMix}): each diagonal entry
     * over the qubit pairs (rows[j], columns[j]) gains {@code weight} × their partial trace.
     */
    public record Mix(int[] rows, int[] columns, double weight) implements Step {
    }

    /** Applies the steps in order, in as few sweeps over memory as the stages allow. */
    public void applySteps(List<? extends Step> steps) {
        applyKernels(kernels(steps, layout));
    }

    private static List<Kernel> kernels(List<? extends Step> steps, QubitLayout layout) {
        return steps.stream().map(step -> switch (step) {
            case Targeted t -> Kernels.forMatrix(t.matrix(), layout.toPhysical(t.targets()));
            case Mix m -> (Kernel) new Kernel.TraceMix(layout.toPhysical(m.rows()), layout.toPhysical(m.columns()), m.weight());
        }).toList();
    }

    /** Applies any matrix (unitary or not, e.g. a channel's superoperator) with argument j on {@code targets[j]}. */
    public void applyMatrix(io.qubench.circuit.Matrix m, int... targets) {
        apply(Kernels.forMatrix(m, layout.toPhysical(targets)));
    }

    /**
     * ⟨ψ|P|ψ⟩ in one read-only pass, without copying the state: P|i⟩ = i^y (−1)^(z·i) |i ⊕ x⟩,
     * so the sum pairs each amplitude with the one its X part flips to.
     */
    public double expectation(io.qubench.sim.PauliString pauli) {
        if (pauli.qubits() > n) {
            throw new io.qubench.sim.SimulationException("Pauli string on " + pauli.qubits() + " qubits for a " + n + "-qubit state");
        }
        long x = layout.toPhysical(pauli.xMask());
        long z = layout.toPhysical(pauli.zMask());
        double[] partial = new double[2];
        Object lock = new Object();
        policy.forRange(re.length, (from, to) -> {
            double sr = 0;
            double si = 0;
            for (int i = (int) from; i < to; i++) {
                int j = (int) (i ^ x);
                // conj(ψ_j) · ψ_i · sign, with sign = (−1)^(z·i)
                double pr = re[j] * re[i] + im[j] * im[i];
                double pi = re[j] * im[i] - im[j] * re[i];
                if ((Long.bitCount(i & z) & 1) == 1) {
                    sr -= pr;
                    si -= pi;
                } else {
                    sr += pr;
                    si += pi;
                }
            }
            synchronized (lock) {
                partial[0] += sr;
                partial[1] += si;
            }
        });
        // Multiply by i^y; the result is real for a Hermitian P.
        return switch (pauli.yCount() & 3) {
            case 0 -> partial[0];
            case 1 -> -partial[1];
            case 2 -> -partial[0];
            default -> partial[1];
        };
    }

    /** Σ |amplitude|² (1 for a normalised state; less after a Kraus operator). */
    public double norm() {
        double sum = 0;
        for (int i = 0; i < re.length; i++) {
            sum += re[i] * re[i] + im[i] * im[i];
        }
        return sum;
    }

    public void scale(double factor) {
        for (int i = 0; i < re.length; i++) {
            re[i] *= factor;
            im[i] *= factor;
        }
    }

    /** Takes the amplitudes of {@code other}, a state of the same size. */
    public void assign(FastState other) {
        System.arraycopy(other.re, 0, re, 0, re.length);
        System.arraycopy(other.im, 0, im, 0, im.length);
        layout.assign(other.layout);
        ground.assign(other.ground);
    }

    public double re(long index) {
        return re[(int) index];
    }

    public double im(long index) {
        return im[(int) index];
    }

    /** Multiplies the entries whose {@code mask} bits (of the physical index) equal {@code value} by {@code scale} and zeroes the rest. */
    public void keepWhere(long mask, long value, double scale) {
        policy.forRange(re.length, (from, to) -> {
            for (int i = (int) from; i < to; i++) {
                if ((i & mask) == value) {
                    re[i] *= scale;
                    im[i] *= scale;
                } else {
                    re[i] = 0;
                    im[i] = 0;
                }
            }
        });
    }

    void apply(Kernel kernel) {
        apply(kernel, new Space(0, n, policy));
        ground.excite(kernel);
    }

    /**
     * The part of the state a pass works on: all of it, or one cache-sized chunk of 2^qubits
     * amplitudes from {@code offset} when every qubit the kernel touches lies inside the chunk.
     */
    record Space(long offset, int qubits, ParallelPolicy policy) {
        long size() {
            return 1L << qubits;
        }
    }

    private void apply(Kernel kernel, Space sp) {
        switch (kernel) {
            case Kernel.Dense d when d.targets().length == 1 -> dense1(d, sp);
            case Kernel.Dense d when d.targets().length == 2 && d.controlMask() == 0 && hasLaneTarget(d.targets(), sp) -> dense2InLanes(d, sp);
            case Kernel.Dense d when d.targets().length == 2 -> dense2(d, sp);
            case Kernel.Dense d when d.controlMask() == 0 && hasLaneTarget(d.targets(), sp) -> denseKInLanes(d, sp);
            case Kernel.Dense d -> denseK(d, sp);
            case Kernel.Diagonal d -> diagonal(d, sp);
            case Kernel.DiagonalRange d -> diagonalRange(d, sp);
            case Kernel.Swap s -> swap(s, sp);
            case Kernel.TraceMix t -> traceMix(t, sp);
        }
    }

    /**
     * A trace mix with qubits inside a SIMD vector: a block's diagonal entries sit in a few
     * vectors at known lanes. Each is shuffled onto the lanes with the in-vector bits clear and
     * summed there; the weighted sum is spread back and added under each entry's lane mask.
     */
    private void traceMixInLanes(Kernel.TraceMix t, Space sp) {
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        int[] off = t.diagonalOffsets();
        int laneInvolved = 0;
        for (int q : t.involved()) {
            laneInvolved |= q < laneBits ? 1 << q : 0;
        }
        int inLanes = laneInvolved;
        int[][] gather = new int[off.length][LANES];
        boolean[][] own = new boolean[off.length][LANES];
        int[] high = new int[off.length];
        for (int k = 0; k < off.length; k++) {
            int lane = off[k] & (LANES - 1);
            high[k] = off[k] & ~(LANES - 1);
            for (int l = 0; l < LANES; l++) {
                gather[k][l] = l | lane;
                own[k][l] = (l & inLanes) == lane;
            }
        }
        int[] spread = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            spread[l] = l & ~inLanes;
        }
        int[] highVectorBits = java.util.Arrays.stream(t.involved()).filter(q -> q >= laneBits).map(q -> q - laneBits).toArray();
        long groups = (sp.size() / LANES) >> highVectorBits.length;
        double w = t.weight();
        if (off.length == 2 || off.length == 4) {
            traceMixInLanes(sp, groups, highVectorBits, high, gather, own, spread, w);
            return;
        }
        sp.policy().forRange(groups, (from, to) -> {
            @SuppressWarnings("unchecked")
            VectorShuffle<Double>[] shuffles = new VectorShuffle[off.length];
            @SuppressWarnings("unchecked")
            VectorMask<Double>[] masks = new VectorMask[off.length];
            for (int k = 0; k < off.length; k++) {
                shuffles[k] = VectorShuffle.fromArray(S, gather[k], 0);
                masks[k] = VectorMask.fromArray(S, own[k], 0);
            }
            VectorShuffle<Double> back = VectorShuffle.fromArray(S, spread, 0);
            for (long g = from; g < to; g++) {
                int base = (int) (sp.offset() + (Kernel.Bits.deposit(g, highVectorBits) << laneBits));
                DoubleVector sr = DoubleVector.zero(S);
                DoubleVector si = DoubleVector.zero(S);
                for (int k = 0; k < off.length; k++) {
                    sr = sr.add(DoubleVector.fromArray(S, re, base + high[k]).rearrange(shuffles[k]));
                    si = si.add(DoubleVector.fromArray(S, im, base + high[k]).rearrange(shuffles[k]));
                }
                sr = sr.mul(w).rearrange(back);
                si = si.mul(w).rearrange(back);
                for (int k = 0; k < off.length; k++) {
                    int at = base + high[k];
                    DoubleVector.fromArray(S, re, at).add(sr, masks[k]).intoArray(re, at);
                    DoubleVector.fromArray(S, im, at).add(si, masks[k]).intoArray(im, at);
                }
            }
        });
    }

    /**
     * The trace mix of one or two qubits (2 or 4 diagonal entries per block) in lanes, the shape
     * every depolarizing channel has: its shuffles, masks and offsets in locals, which C2 keeps
     * in registers (read from arrays in the loop, they made it 3–5× slower than a mix above the
     * lanes: 0.82–0.91 ns per amplitude against 0.16–0.28 in a 2^15 piece).
     */
    private void traceMixInLanes(Space sp, long groups, int[] highVectorBits, int[] high, int[][] gather, boolean[][] own,
            int[] spread, double w) {
        boolean four = high.length == 4;
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        // Zeros put in at the high bits from the lowest up; an unused slot (-1) puts in none.
        int z0 = highVectorBits.length > 0 ? (1 << highVectorBits[0]) - 1 : -1;
        int z1 = highVectorBits.length > 1 ? (1 << highVectorBits[1]) - 1 : -1;
        int z2 = highVectorBits.length > 2 ? (1 << highVectorBits[2]) - 1 : -1;
        int z3 = highVectorBits.length > 3 ? (1 << highVectorBits[3]) - 1 : -1;
        int h0 = high[0], h1 = high[1], h2 = four ? high[2] : 0, h3 = four ? high[3] : 0;
        int offset = (int) sp.offset();
        sp.policy().forRange(groups, (from, to) -> {
            VectorShuffle<Double> g0 = VectorShuffle.fromArray(S, gather[0], 0);
            VectorShuffle<Double> g1 = VectorShuffle.fromArray(S, gather[1], 0);
            VectorShuffle<Double> g2 = VectorShuffle.fromArray(S, gather[four ? 2 : 0], 0);
            VectorShuffle<Double> g3 = VectorShuffle.fromArray(S, gather[four ? 3 : 0], 0);
            VectorShuffle<Double> back = VectorShuffle.fromArray(S, spread, 0);
            VectorMask<Double> m0 = VectorMask.fromArray(S, own[0], 0);
            VectorMask<Double> m1 = VectorMask.fromArray(S, own[1], 0);
            VectorMask<Double> m2 = VectorMask.fromArray(S, own[four ? 2 : 0], 0);
            VectorMask<Double> m3 = VectorMask.fromArray(S, own[four ? 3 : 0], 0);
            for (int g = (int) from; g < (int) to; g++) {
                int base = offset + (Kernel.Bits.insertZero(Kernel.Bits.insertZero(Kernel.Bits.insertZero(
                        Kernel.Bits.insertZero(g, z0), z1), z2), z3) << laneBits);
                DoubleVector r0 = DoubleVector.fromArray(S, re, base + h0), i0 = DoubleVector.fromArray(S, im, base + h0);
                DoubleVector r1 = DoubleVector.fromArray(S, re, base + h1), i1 = DoubleVector.fromArray(S, im, base + h1);
                DoubleVector sr = r0.rearrange(g0).add(r1.rearrange(g1));
                DoubleVector si = i0.rearrange(g0).add(i1.rearrange(g1));
                if (four) {
                    sr = sr.add(DoubleVector.fromArray(S, re, base + h2).rearrange(g2)).add(DoubleVector.fromArray(S, re, base + h3).rearrange(g3));
                    si = si.add(DoubleVector.fromArray(S, im, base + h2).rearrange(g2)).add(DoubleVector.fromArray(S, im, base + h3).rearrange(g3));
                }
                sr = sr.mul(w).rearrange(back);
                si = si.mul(w).rearrange(back);
                r0.add(sr, m0).intoArray(re, base + h0);
                i0.add(si, m0).intoArray(im, base + h0);
                // Read again: two diagonal entries may share a vector (h1 == h0), just written.
                DoubleVector.fromArray(S, re, base + h1).add(sr, m1).intoArray(re, base + h1);
                DoubleVector.fromArray(S, im, base + h1).add(si, m1).intoArray(im, base + h1);
                if (four) {
                    DoubleVector.fromArray(S, re, base + h2).add(sr, m2).intoArray(re, base + h2);
                    DoubleVector.fromArray(S, im, base + h2).add(si, m2).intoArray(im, base + h2);
                    DoubleVector.fromArray(S, re, base + h3).add(sr, m3).intoArray(re, base + h3);
                    DoubleVector.fromArray(S, im, base + h3).add(si, m3).intoArray(im, base + h3);
                }
            }
        });
    }

    /** See {@link Kernel.TraceMix}: the d diagonal entries of each block are summed and each gains weight × the sum. */
    private void traceMix(Kernel.TraceMix t, Space sp) {
        if ((1 << t.involved()[0]) < LANES && sp.size() >= vectorFrom) {
            traceMixInLanes(t, sp);
            return;
        }
        int[] off = t.diagonalOffsets();
        double w = t.weight();
        forRuns(sp, t.involved(), 0, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                int end = start + count;
                if (count >= vectorFrom) {
                    for (int i = start; i < end; i += LANES) {
                        DoubleVector sr = DoubleVector.zero(S);
                        DoubleVector si = DoubleVector.zero(S);
                        for (int o : off) {
                            sr = sr.add(DoubleVector.fromArray(S, re, i + o));
                            si = si.add(DoubleVector.fromArray(S, im, i + o));
                        }
                        sr = sr.mul(w);
                        si = si.mul(w);
                        for (int o : off) {
                            DoubleVector.fromArray(S, re, i + o).add(sr).intoArray(re, i + o);
                            DoubleVector.fromArray(S, im, i + o).add(si).intoArray(im, i + o);
                        }
                    }
                    continue;
                }
                for (int i = start; i < end; i++) {
                    double sr = 0;
                    double si = 0;
                    for (int o : off) {
                        sr += re[i + o];
                        si += im[i + o];
                    }
                    sr *= w;
                    si *= w;
                    for (int o : off) {
                        re[i + o] += sr;
                        im[i + o] += si;
                    }
                }
            }
        });
    }

    /**
     * Whether a one-qubit pass with target offset {@code t} under {@code controls} (all above the
     * vector) walks its pairs rather than its runs: with the lowest control on 3–5, whose runs are
     * 1–4 vectors, and with the target on 3–6 under a lowest control on 6–10, where the runs of
     * 1–8 vectors alternate with as long a stretch skipped, and with a control on 6 over a target
     * on 7–8. Alternated on 26 qubits against a Hadamard pass, runs → pairs: cu 6,3 1.49–2.09 →
     * 0.97–1.05, 7,4 1.42–2.04 → 0.95–1.08, 10,4 0.86–1.22 → 0.96–1.02, 9,6 0.79–1.18 →
     * 0.88–0.95, 6,8 1.48–1.54 → 0.91. From control 11 up runs are long enough; under a control
     * on 6–7 with the target higher, pairs cost time (6,10 0.84 → 0.99–1.05, 6,12 0.8 → 1.2,
     * 7,8 0.85 → 0.95).
     */
    private static boolean shortControlledRuns(long t, long controls) {
        long lowest = Long.lowestOneBit(controls);
        return lowest <= 4L * LANES || t <= 8L * LANES && lowest <= 1024 || lowest == 8L * LANES && t <= 256;
    }

    /** Calls {@code batch} for the runs of {@code sp} whose {@code involved} bits are 0, then OR-ed with {@code fixed}. */
    private static void forRuns(Space sp, int[] involved, long fixed, RunBatches.Batch batch) {
        RunBatches.forRuns(sp.policy(), sp.offset(), sp.qubits(), involved, fixed, () -> batch);
    }

    private void dense1(Kernel.Dense d, Space sp) {
        // With the target inside the vector: under controls above qubit 5 only the runs where they
        // are 1 (cu 20 → 0: 0.95 → 0.50x a Hadamard pass on 26 qubits); with one on 3-5 the runs
        // are 1-4 vectors long (1.2x), and the whole-vector two-qubit kernel below is cheaper (1.0x).
        long controls = d.controlMask();
        // One control on 6–7: skipping its runs of 8–16 vectors took cu 7,0 1.44–1.46× a Hadamard
        // pass; as the 4×4 matrix below, sweeping every vector, 0.96–0.99. From 8 up skipping pays
        // (cu 9,0 0.64 against 1.13).
        boolean oneShortControl = Long.bitCount(controls) == 1 && controls <= 16L * LANES;
        if ((1 << d.targets()[0]) < LANES && sp.size() >= vectorFrom && (controls == 0 || Long.lowestOneBit(controls) > 4L * LANES && !oneShortControl)) {
            dense1InLanes(d, sp);
            return;
        }
        if (Long.bitCount(d.controlMask()) == 1 && hasLaneTarget(d.involved(), sp)) {
            // Its runs would be single amplitudes (cu on 0,1 or 20,0 took 1.9-2.5x a Hadamard pass);
            // as the 4x4 matrix it is, the in-lane two-qubit kernel takes it a vector at a time.
            dense2InLanes(Kernels.withControlAsTarget(d), sp);
            return;
        }
        int t = 1 << d.targets()[0];
        double[] mr = d.re();
        double[] mi = d.im();
        double m00r = mr[0], m01r = mr[1], m10r = mr[2], m11r = mr[3];
        double m00i = mi[0], m01i = mi[1], m10i = mi[2], m11i = mi[3];
        boolean shortControlledRuns = controls != 0 && (controls & (LANES - 1)) == 0 && shortControlledRuns(t, controls);
        if ((controls == 0 || shortControlledRuns) && vectors() && t >= LANES && sp.size() >= 2 * LANES) {
            // Pairs indexed directly rather than by runs: with the target at 3–5 a run holds one to
            // four vectors (in a 2^15 piece: 0.61–0.84 ns per amplitude → 0.35–0.37). So does a
            // control on 3–5: walking its runs of 1–4 vectors, cu took 1.3–2.4× a Hadamard pass on
            // 26 qubits (3,9 1.55; 4,7 2.3; 4,9 1.9; 4,25 1.6); every pair, skipping those whose
            // controls are 0, takes 0.95–1.1×. See shortControlledRuns for controls higher up.
            int below = t - 1;
            int need = (int) controls;
            int ahead = readAheadFor(t, sp);
            boolean rewrite = ahead == 0 && sp.size() > (1L << chunkQubits);
            int end = (int) (sp.offset() + sp.size());
            sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
                DoubleVector a00r = DoubleVector.broadcast(S, m00r), a01r = DoubleVector.broadcast(S, m01r);
                DoubleVector a10r = DoubleVector.broadcast(S, m10r), a11r = DoubleVector.broadcast(S, m11r);
                DoubleVector a00i = DoubleVector.broadcast(S, m00i), a01i = DoubleVector.broadcast(S, m01i);
                DoubleVector a10i = DoubleVector.broadcast(S, m10i), a11i = DoubleVector.broadcast(S, m11i);
                DoubleVector n00i = a00i.neg(), n10i = a10i.neg();
                int base = (int) sp.offset();
                // The read-ahead touches the two lines a pair uses up, one block of 2t amplitudes ahead in address order.
                int next = base + Kernel.Bits.insertZero((int) from * LANES, below) + ahead;
                double touched = 0;
                for (int v = (int) from; v < (int) to; v++) {
                    int i = base + Kernel.Bits.insertZero(v * LANES, below);
                    if (ahead > 0 && next + LANES < end) {
                        touched += twoLines(next);
                        next += 2 * LANES;
                    }
                    if ((i & need) != need) {
                        // A pair whose controls are 0, written back unchanged in a pass over memory
                        // that does not read ahead: the stores then stream as in an uncontrolled pass
                        // (cu 3,20 1.28 → 0.95–0.98×, 4,25 1.6 → 0.9–0.96). With read-ahead it cost time.
                        if (rewrite) {
                            DoubleVector.fromArray(S, re, i).intoArray(re, i);
                            DoubleVector.fromArray(S, im, i).intoArray(im, i);
                            DoubleVector.fromArray(S, re, i + t).intoArray(re, i + t);
                            DoubleVector.fromArray(S, im, i + t).intoArray(im, i + t);
                        }
                        continue;
                    }
                    DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                    DoubleVector yr = DoubleVector.fromArray(S, re, i + t), yi = DoubleVector.fromArray(S, im, i + t);
                    xr.fma(a00r, yr.fma(a01r, xi.fma(n00i, yi.mul(a01i).neg()))).intoArray(re, i);
                    xi.fma(a00r, yi.fma(a01r, xr.fma(a00i, yr.mul(a01i)))).intoArray(im, i);
                    xr.fma(a10r, yr.fma(a11r, xi.fma(n10i, yi.mul(a11i).neg()))).intoArray(re, i + t);
                    xi.fma(a10r, yi.fma(a11r, xr.fma(a10i, yr.mul(a11i)))).intoArray(im, i + t);
                }
                readAheadSink = touched;
            });
            return;
        }
        forRuns(sp, d.involved(), d.controlMask(), (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                int i = start;
                int end = start + count;
                if (count >= vectorFrom) {
                    DoubleVector a00r = DoubleVector.broadcast(S, m00r), a01r = DoubleVector.broadcast(S, m01r);
                    DoubleVector a10r = DoubleVector.broadcast(S, m10r), a11r = DoubleVector.broadcast(S, m11r);
                    DoubleVector a00i = DoubleVector.broadcast(S, m00i), a01i = DoubleVector.broadcast(S, m01i);
                    DoubleVector a10i = DoubleVector.broadcast(S, m10i), a11i = DoubleVector.broadcast(S, m11i);
                    for (; i < end; i += LANES) {
                        DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                        DoubleVector yr = DoubleVector.fromArray(S, re, i + t), yi = DoubleVector.fromArray(S, im, i + t);
                        xr.fma(a00r, yr.fma(a01r, xi.fma(a00i.neg(), yi.mul(a01i).neg()))).intoArray(re, i);
                        xi.fma(a00r, yi.fma(a01r, xr.fma(a00i, yr.mul(a01i)))).intoArray(im, i);
                        xr.fma(a10r, yr.fma(a11r, xi.fma(a10i.neg(), yi.mul(a11i).neg()))).intoArray(re, i + t);
                        xi.fma(a10r, yi.fma(a11r, xr.fma(a10i, yr.mul(a11i)))).intoArray(im, i + t);
                    }
                    continue;
                }
                for (; i < end; i++) {
                    double xr = re[i], xi = im[i], yr = re[i + t], yi = im[i + t];
                    re[i] = m00r * xr - m00i * xi + m01r * yr - m01i * yi;
                    im[i] = m00r * xi + m00i * xr + m01r * yi + m01i * yr;
                    re[i + t] = m10r * xr - m10i * xi + m11r * yr - m11i * yi;
                    im[i + t] = m10r * xi + m10i * xr + m11r * yi + m11i * yr;
                }
            }
        });
    }

    /**
     * A one-qubit gate whose target is inside one SIMD vector: each lane pairs with the lane
     * whose index differs in the target bit, reached by a shuffle, so every vector is one
     * multiply-add of itself and its shuffled copy with per-lane coefficients. Under controls
     * (above the vector), only the vectors where they are 1.
     */
    private void dense1InLanes(Kernel.Dense d, Space sp) {
        int t = 1 << d.targets()[0];
        double[] mr = d.re();
        double[] mi = d.im();
        double[] selfR = new double[LANES];
        double[] selfI = new double[LANES];
        double[] otherR = new double[LANES];
        double[] otherI = new double[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            boolean one = (lane & t) != 0;
            selfR[lane] = one ? mr[3] : mr[0];
            selfI[lane] = one ? mi[3] : mi[0];
            otherR[lane] = one ? mr[2] : mr[1];
            otherI[lane] = one ? mi[2] : mi[1];
        }
        VectorShuffle<Double> partner = VectorShuffle.fromOp(S, lane -> lane ^ t);
        long controls = d.controlMask();
        if (controls != 0) {
            // Controls above the vector: only the runs of vectors where they are 1.
            forRuns(sp, Kernel.Bits.withMask(new int[0], controls), controls, (starts, runs, count) -> {
                DoubleVector ar = DoubleVector.fromArray(S, selfR, 0), ai = DoubleVector.fromArray(S, selfI, 0);
                DoubleVector br = DoubleVector.fromArray(S, otherR, 0), bi = DoubleVector.fromArray(S, otherI, 0);
                DoubleVector nai = ai.neg(), nbi = bi.neg();
                for (int run = 0; run < runs; run++) {
                    for (int i = (int) starts[run], end = i + count; i < end; i += LANES) {
                        DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                        DoubleVector pr = xr.rearrange(partner), pi = xi.rearrange(partner);
                        xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).intoArray(re, i);
                        xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).intoArray(im, i);
                    }
                }
            });
            return;
        }
        sp.policy().forRange(sp.size() / LANES, (from, to) -> {
            // Coefficient vectors made here, not captured: a captured vector is a heap object read in the loop.
            DoubleVector ar = DoubleVector.fromArray(S, selfR, 0), ai = DoubleVector.fromArray(S, selfI, 0);
            DoubleVector br = DoubleVector.fromArray(S, otherR, 0), bi = DoubleVector.fromArray(S, otherI, 0);
            DoubleVector nai = ai.neg(), nbi = bi.neg();
            // An int loop: C2 removes the arrays' bounds checks of int counted loops, not of long ones.
            int end = (int) (sp.offset() + to * LANES);
            for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector pr = xr.rearrange(partner), pi = xi.rearrange(partner);
                xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).intoArray(re, i);
                xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).intoArray(im, i);
            }
        });
    }

    private void dense2(Kernel.Dense d, Space sp) {
        int[] off = offsets(d.targets());
        int o1 = off[1], o2 = off[2], o3 = off[3];
        double[] mr = d.re();
        double[] mi = d.im();
        if (d.controlMask() == 0 && vectors() && Math.min(o1, o2) >= LANES && sp.size() >= 4 * LANES) {
            int low = Math.min(o1, o2) - 1;
            int high = Math.max(o1, o2) - 1;
            int ahead = readAheadFor(Math.min(o1, o2), Math.max(o1, o2), sp);
            sp.policy().forRange(sp.size() / (4 * LANES),
                    (from, to) -> dense2Groups(from, to, (int) sp.offset(), low, high, o1, o2, o3, mr, mi, ahead, (int) (sp.offset() + sp.size())));
            return;
        }
        int[][] everyColumn = allColumns(4);
        double[] nmi = new double[16];
        for (int k = 0; k < 16; k++) {
            nmi[k] = -mi[k];
        }
        int[] outOff = {0, o1, o2, o3};
        forRuns(sp, d.involved(), d.controlMask(), (starts, runs, count) -> {
            if (!vectors()) {
                dense2Scalar(starts, runs, count, o1, o2, o3, mr, mi);
                return;
            }
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                int end = start + count;
                if (count >= vectorFrom) {
                    for (int i = start; i < end; i += LANES) {
                        DoubleVector r0 = DoubleVector.fromArray(S, re, i), i0 = DoubleVector.fromArray(S, im, i);
                        DoubleVector r1 = DoubleVector.fromArray(S, re, i + o1), i1 = DoubleVector.fromArray(S, im, i + o1);
                        DoubleVector r2 = DoubleVector.fromArray(S, re, i + o2), i2 = DoubleVector.fromArray(S, im, i + o2);
                        DoubleVector r3 = DoubleVector.fromArray(S, re, i + o3), i3 = DoubleVector.fromArray(S, im, i + o3);
                        for (int r = 0; r < 4; r++) {
                            int k = 4 * r;
                            DoubleVector sr = r0.mul(mr[k]).add(i0.mul(nmi[k]));
                            DoubleVector si = i0.mul(mr[k]).add(r0.mul(mi[k]));
                            sr = r1.fma(b(mr[k + 1]), i1.fma(b(nmi[k + 1]), sr));
                            si = i1.fma(b(mr[k + 1]), r1.fma(b(mi[k + 1]), si));
                            sr = r2.fma(b(mr[k + 2]), i2.fma(b(nmi[k + 2]), sr));
                            si = i2.fma(b(mr[k + 2]), r2.fma(b(mi[k + 2]), si));
                            sr = r3.fma(b(mr[k + 3]), i3.fma(b(nmi[k + 3]), sr));
                            si = i3.fma(b(mr[k + 3]), r3.fma(b(mi[k + 3]), si));
                            sr.intoArray(re, i + outOff[r]);
                            si.intoArray(im, i + outOff[r]);
                        }
                    }
                    continue;
                }
                sparseScalar(start, end, off, mr, mi, everyColumn);
            }
        });
    }

    /** Where a pass's read-ahead sums what it touched: a store, so the JIT keeps the loads. */
    private static double readAheadSink;

    /** What a read-ahead touches for a pair of vectors from {@code at}: one double of each of their lines. */
    private double twoLines(int at) {
        return re[at] + re[at + LANES] + im[at] + im[at + LANES];
    }

    /**
     * How far a one-qubit pass over memory reads ahead of its pairs, in amplitudes, in address
     * order: one block of 2t when the target's offset t is 2^6–2^9, half a block when it is 2^10
     * (runs of 512 B–8 KiB, which the hardware prefetcher follows badly: C without prefetch
     * instructions is as slow), else 0. On 26 qubits, alternated with a Hadamard on qubit 14
     * (19 ms), by target: 6 1.83 → 0.99–1.04×, 7 2.07 → 0.97, 8 1.98 → 1.08–1.11, 9 1.52–1.61 →
     * 1.25–1.28; 10 1.55 → 1.36–1.38 a block ahead, 1.22–1.28 half a block (ry 10 1.50–1.62 →
     * 1.32–1.44; a quarter or three quarters: 1.32–1.49). Elsewhere it cost time (5 0.95 → 1.13,
     * 11 1.26 → 1.48, 14 1.0 → 1.6), as did half a block on 6–9, or two.
     */
    private int readAheadFor(int offset, Space sp) {
        if (sp.size() <= (1L << chunkQubits) || offset < 64 || offset > 1024) {
            return 0;
        }
        return offset == 1024 ? offset : 2 * offset;
    }

    /**
     * How a two-qubit pass over memory reads the state ahead of its groups: by this many
     * amplitudes in address order, by -1 pair by pair (see {@link #dense2Groups}), or not (0).
     * With the lower target on qubits 4–8 a pass takes the state as interleaved short runs,
     * which the hardware prefetcher follows badly. Interleaved, on 26 qubits, a Hadamard pass
     * taking 33 ms:
     * <ul>
     * <li>both targets on 4–9, or 4 and 10 (a block of 2^(high+1) amplitudes holds four short
     * runs): reading the next block in order, 4,7 70 → 33 ms, 5,8 67 → 34, 6,8 83 → 33, 7,9 57 → 35;
     * <li>the lower on 5–8, the upper on 10 or above: the next runs of each of the two far-apart
     * pairs, 5,11 53–59 → 39–48 ms, 6,11 58–69 → 41–46, 6,16 44 → 30, 8,11 42 → 35, 8,18 45–48 → 33–38.
     * With the upper on 10 this beat reading by blocks pass for pass (5,10 27 against 43 ms, 6,10
     * 30 against 36); below 10 reading by blocks did (6,8 20 against 27).
     * </ul>
     * Elsewhere it cost time (9,10 by blocks: 38 → 50 ms; 4,12, 9,14 and 10,14 by pairs: 2–4 ms more),
     * and in a piece already in cache it has nothing to fetch.
     */
    private int readAheadFor(int lowOffset, int highOffset, Space sp) {
        boolean shortRuns = lowOffset >= 16 && lowOffset <= 256 && highOffset <= 1024;
        boolean farApart = lowOffset >= 32 && lowOffset <= 256 && highOffset >= 1024;
        return sp.size() <= (1L << chunkQubits) ? 0 : farApart ? -1 : shortRuns ? 2 * highOffset : 0;
    }

    /**
     * A two-qubit gate without controls whose targets both lie above a SIMD vector, on groups
     * {@code from…to} of four vectors (at i, i + o1, i + o2, i + o3; i is the group's number with
     * zero bits put in at both targets). Indexed directly rather than by runs: with the lower
     * target at 3–5 a run holds one to four vectors and its bookkeeping cost more than the
     * arithmetic. Each output is four short chains of FMAs (real and imaginary parts apart), the
     * coefficients broadcast inside the loop: made once per call instead, 32 vectors did not fit
     * the registers and their spills made it slower. In a 2^15-amplitude piece, one thread:
     * 0.75–1.06 ns per amplitude → 0.65–0.74 (0.62 is the FMA bound here).
     */
    private void dense2Groups(long from, long to, int base, int low, int high, int o1, int o2, int o3, double[] mr, double[] mi,
            int ahead, int end) {
        int[] outOff = {0, o1, o2, o3};
        // The read-ahead touches one double of each line, four lines a group, as fast as the groups
        // use them up: by blocks, in address order from `ahead` amplitudes past the first group;
        // pair by pair, one pair of runs past the group's in the lower half and the same in the upper.
        int next = base + Kernel.Bits.insertZero(Kernel.Bits.insertZero((int) from * LANES, low), high) + ahead;
        int nextPair = Kernel.Bits.insertZero((int) from * LANES, low) + 2 * (low + 1);
        int upper = high + 1;
        double touched = 0;
        for (int v = (int) from; v < (int) to; v++) {
            if (ahead > 0 && next + 3 * LANES < end) {
                touched += re[next] + re[next + LANES] + re[next + 2 * LANES] + re[next + 3 * LANES]
                        + im[next] + im[next + LANES] + im[next + 2 * LANES] + im[next + 3 * LANES];
                next += 4 * LANES;
            } else if (ahead < 0) {
                int a = base + Kernel.Bits.insertZero(nextPair, high);
                if (a + upper + LANES < end) {
                    touched += re[a] + re[a + LANES] + re[a + upper] + re[a + upper + LANES]
                            + im[a] + im[a + LANES] + im[a + upper] + im[a + upper + LANES];
                }
                nextPair += 2 * LANES;
            }
            int i = base + Kernel.Bits.insertZero(Kernel.Bits.insertZero(v * LANES, low), high);
            DoubleVector r0 = DoubleVector.fromArray(S, re, i), i0 = DoubleVector.fromArray(S, im, i);
            DoubleVector r1 = DoubleVector.fromArray(S, re, i + o1), i1 = DoubleVector.fromArray(S, im, i + o1);
            DoubleVector r2 = DoubleVector.fromArray(S, re, i + o2), i2 = DoubleVector.fromArray(S, im, i + o2);
            DoubleVector r3 = DoubleVector.fromArray(S, re, i + o3), i3 = DoubleVector.fromArray(S, im, i + o3);
            for (int r = 0; r < 4; r++) {
                int k = 4 * r;
                DoubleVector rr = r3.fma(b(mr[k + 3]), r2.fma(b(mr[k + 2]), r1.fma(b(mr[k + 1]), r0.mul(mr[k]))));
                DoubleVector ii = i3.fma(b(mi[k + 3]), i2.fma(b(mi[k + 2]), i1.fma(b(mi[k + 1]), i0.mul(mi[k]))));
                DoubleVector ri = i3.fma(b(mr[k + 3]), i2.fma(b(mr[k + 2]), i1.fma(b(mr[k + 1]), i0.mul(mr[k]))));
                DoubleVector ir = r3.fma(b(mi[k + 3]), r2.fma(b(mi[k + 2]), r1.fma(b(mi[k + 1]), r0.mul(mi[k]))));
                rr.sub(ii).intoArray(re, i + outOff[r]);
                ri.add(ir).intoArray(im, i + outOff[r]);
            }
        }
        readAheadSink = touched;
    }

    /**
     * A 4×4 block as plain arithmetic, for a scalar state: the 32 coefficients are held in locals
     * (read from the arrays inside the loop, C2 could not keep them in registers: the state's
     * stores might alias them), one call per batch of runs.
     */
    private void dense2Scalar(long[] starts, int runs, int count, int o1, int o2, int o3, double[] mr, double[] mi) {
        double a00 = mr[0], a01 = mr[1], a02 = mr[2], a03 = mr[3], b00 = mi[0], b01 = mi[1], b02 = mi[2], b03 = mi[3];
        double a10 = mr[4], a11 = mr[5], a12 = mr[6], a13 = mr[7], b10 = mi[4], b11 = mi[5], b12 = mi[6], b13 = mi[7];
        double a20 = mr[8], a21 = mr[9], a22 = mr[10], a23 = mr[11], b20 = mi[8], b21 = mi[9], b22 = mi[10], b23 = mi[11];
        double a30 = mr[12], a31 = mr[13], a32 = mr[14], a33 = mr[15], b30 = mi[12], b31 = mi[13], b32 = mi[14], b33 = mi[15];
        for (int run = 0; run < runs; run++) {
            for (int i = (int) starts[run], end = i + count; i < end; i++) {
                double r0 = re[i], i0 = im[i], r1 = re[i + o1], i1 = im[i + o1];
                double r2 = re[i + o2], i2 = im[i + o2], r3 = re[i + o3], i3 = im[i + o3];
                re[i] = a00 * r0 - b00 * i0 + a01 * r1 - b01 * i1 + a02 * r2 - b02 * i2 + a03 * r3 - b03 * i3;
                im[i] = a00 * i0 + b00 * r0 + a01 * i1 + b01 * r1 + a02 * i2 + b02 * r2 + a03 * i3 + b03 * r3;
                re[i + o1] = a10 * r0 - b10 * i0 + a11 * r1 - b11 * i1 + a12 * r2 - b12 * i2 + a13 * r3 - b13 * i3;
                im[i + o1] = a10 * i0 + b10 * r0 + a11 * i1 + b11 * r1 + a12 * i2 + b12 * r2 + a13 * i3 + b13 * r3;
                re[i + o2] = a20 * r0 - b20 * i0 + a21 * r1 - b21 * i1 + a22 * r2 - b22 * i2 + a23 * r3 - b23 * i3;
                im[i + o2] = a20 * i0 + b20 * r0 + a21 * i1 + b21 * r1 + a22 * i2 + b22 * r2 + a23 * i3 + b23 * r3;
                re[i + o3] = a30 * r0 - b30 * i0 + a31 * r1 - b31 * i1 + a32 * r2 - b32 * i2 + a33 * r3 - b33 * i3;
                im[i + o3] = a30 * i0 + b30 * r0 + a31 * i1 + b31 * r1 + a32 * i2 + b32 * r2 + a33 * i3 + b33 * r3;
            }
        }
    }

    private boolean hasLaneTarget(int[] targets, Space sp) {
        for (int t : targets) {
            if ((1 << t) < LANES) {
                return sp.size() >= 2 * vectorFrom;
            }
        }
        return false;
    }

    /**
     * A two-qubit gate with at least one target inside a SIMD vector. For each output vector,
     * every input amplitude it needs sits either in the same lane or in a lane reached by
     * flipping the in-vector target bits, so the result is a sum of per-lane coefficient vectors
     * times shuffled copies of at most two input vectors.
     */
    private void dense2InLanes(Kernel.Dense d, Space sp) {
        int[] t = d.targets();
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        boolean low0 = t[0] < laneBits;
        boolean low1 = t[1] < laneBits;
        int high = low0 && low1 ? -1 : (low0 ? 1 : 0);
        int lowMask = (low0 ? 1 << t[0] : 0) | (low1 ? 1 << t[1] : 0);
        int patterns = 1 << Integer.bitCount(lowMask);
        int highValues = high < 0 ? 1 : 2;
        double[] mr = d.re();
        double[] mi = d.im();
        // Coefficients per (output high value, input high value, low-bit pattern), lane by lane.
        double[][] cr = new double[highValues * highValues * patterns][LANES];
        double[][] ci = new double[highValues * highValues * patterns][LANES];
        int[][] sources = new int[patterns][LANES];
        for (int lane = 0; lane < LANES; lane++) {
            for (int p = 0; p < patterns; p++) {
                int src = lane ^ deposit(p, lowMask);
                sources[p][lane] = src;
                for (int ho = 0; ho < highValues; ho++) {
                    for (int hi = 0; hi < highValues; hi++) {
                        int row = localIndex(t, lane, ho, high);
                        int col = localIndex(t, src, hi, high);
                        int term = (ho * highValues + hi) * patterns + p;
                        cr[term][lane] = mr[4 * row + col];
                        ci[term][lane] = mi[4 * row + col];
                    }
                }
            }
        }
        VectorShuffle<Double> s1 = VectorShuffle.fromArray(S, sources[1], 0);
        VectorShuffle<Double> s2 = patterns > 2 ? VectorShuffle.fromArray(S, sources[2], 0) : s1;
        VectorShuffle<Double> s3 = patterns > 2 ? VectorShuffle.fromArray(S, sources[3], 0) : s1;
        if (high < 0) {
            sp.policy().forRange(sp.size() / LANES, (from, to) -> {
                // Coefficient vectors made here, not captured (see dense1InLanes); real and
                // imaginary products are summed apart so that no chain of FMAs is long. The sums
                // are written out: behind a helper method C2 stopped inlining the vector
                // operations in the density engine's run, and they fell back to boxed Java code (2x slower).
                DoubleVector a0r = DoubleVector.fromArray(S, cr[0], 0), a0i = DoubleVector.fromArray(S, ci[0], 0);
                DoubleVector a1r = DoubleVector.fromArray(S, cr[1], 0), a1i = DoubleVector.fromArray(S, ci[1], 0);
                DoubleVector a2r = DoubleVector.fromArray(S, cr[2], 0), a2i = DoubleVector.fromArray(S, ci[2], 0);
                DoubleVector a3r = DoubleVector.fromArray(S, cr[3], 0), a3i = DoubleVector.fromArray(S, ci[3], 0);
                int end = (int) (sp.offset() + to * LANES);
                for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                    DoubleVector x0r = DoubleVector.fromArray(S, re, i), x0i = DoubleVector.fromArray(S, im, i);
                    DoubleVector x1r = x0r.rearrange(s1), x1i = x0i.rearrange(s1);
                    DoubleVector x2r = x0r.rearrange(s2), x2i = x0i.rearrange(s2);
                    DoubleVector x3r = x0r.rearrange(s3), x3i = x0i.rearrange(s3);
                    DoubleVector rr = x3r.fma(a3r, x2r.fma(a2r, x1r.fma(a1r, x0r.mul(a0r))));
                    DoubleVector ii = x3i.fma(a3i, x2i.fma(a2i, x1i.fma(a1i, x0i.mul(a0i))));
                    DoubleVector ri = x3i.fma(a3r, x2i.fma(a2r, x1i.fma(a1r, x0i.mul(a0r))));
                    DoubleVector ir = x3r.fma(a3i, x2r.fma(a2i, x1r.fma(a1i, x0r.mul(a0i))));
                    rr.sub(ii).intoArray(re, i);
                    ri.add(ir).intoArray(im, i);
                }
            });
            return;
        }
        // Pairs of vectors (high target 0 and 1), indexed directly: with the high target at
        // 3 or 4 a run of it would hold only one or two vectors, and runs cost more than that.
        int offset = 1 << t[high];
        int below = offset - 1;
        // Read ahead as in dense2Groups: pairs of runs of 2^4–2^10 amplitudes (on 26 qubits, the
        // lane target 0 or 2 with 6–9: 41–43 → 31–32 ms, with 10: 41 → 34; with 11 or more no gain).
        int ahead = offset >= 16 && offset <= 1024 && sp.size() > (1L << chunkQubits) ? 2 * offset : 0;
        int stateEnd = (int) (sp.offset() + sp.size());
        sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
            // Output row block ho takes terms 4·ho…4·ho+3: x0, x0 shuffled, x1, x1 shuffled.
            DoubleVector a0r = DoubleVector.fromArray(S, cr[0], 0), a0i = DoubleVector.fromArray(S, ci[0], 0);
            DoubleVector a1r = DoubleVector.fromArray(S, cr[1], 0), a1i = DoubleVector.fromArray(S, ci[1], 0);
            DoubleVector a2r = DoubleVector.fromArray(S, cr[2], 0), a2i = DoubleVector.fromArray(S, ci[2], 0);
            DoubleVector a3r = DoubleVector.fromArray(S, cr[3], 0), a3i = DoubleVector.fromArray(S, ci[3], 0);
            DoubleVector b0r = DoubleVector.fromArray(S, cr[4], 0), b0i = DoubleVector.fromArray(S, ci[4], 0);
            DoubleVector b1r = DoubleVector.fromArray(S, cr[5], 0), b1i = DoubleVector.fromArray(S, ci[5], 0);
            DoubleVector b2r = DoubleVector.fromArray(S, cr[6], 0), b2i = DoubleVector.fromArray(S, ci[6], 0);
            DoubleVector b3r = DoubleVector.fromArray(S, cr[7], 0), b3i = DoubleVector.fromArray(S, ci[7], 0);
            int base = (int) sp.offset();
            int next = base + Kernel.Bits.insertZero((int) from * LANES, below) + ahead;
            double touched = 0;
            for (int v = (int) from; v < (int) to; v++) {
                if (ahead > 0 && next + LANES < stateEnd) {
                    touched += twoLines(next);
                    next += 2 * LANES;
                }
                int i = base + Kernel.Bits.insertZero(v * LANES, below);
                DoubleVector x0r = DoubleVector.fromArray(S, re, i), x0i = DoubleVector.fromArray(S, im, i);
                DoubleVector x1r = DoubleVector.fromArray(S, re, i + offset), x1i = DoubleVector.fromArray(S, im, i + offset);
                DoubleVector y0r = x0r.rearrange(s1), y0i = x0i.rearrange(s1);
                DoubleVector y1r = x1r.rearrange(s1), y1i = x1i.rearrange(s1);
                DoubleVector rr = y1r.fma(a3r, x1r.fma(a2r, y0r.fma(a1r, x0r.mul(a0r))));
                DoubleVector ii = y1i.fma(a3i, x1i.fma(a2i, y0i.fma(a1i, x0i.mul(a0i))));
                DoubleVector ri = y1i.fma(a3r, x1i.fma(a2r, y0i.fma(a1r, x0i.mul(a0r))));
                DoubleVector ir = y1r.fma(a3i, x1r.fma(a2i, y0r.fma(a1i, x0r.mul(a0i))));
                rr.sub(ii).intoArray(re, i);
                ri.add(ir).intoArray(im, i);
                rr = y1r.fma(b3r, x1r.fma(b2r, y0r.fma(b1r, x0r.mul(b0r))));
                ii = y1i.fma(b3i, x1i.fma(b2i, y0i.fma(b1i, x0i.mul(b0i))));
                ri = y1i.fma(b3r, x1i.fma(b2r, y0i.fma(b1r, x0i.mul(b0r))));
                ir = y1r.fma(b3i, x1r.fma(b2i, y0r.fma(b1i, x0r.mul(b0i))));
                rr.sub(ii).intoArray(re, i + offset);
                ri.add(ir).intoArray(im, i + offset);
            }
            readAheadSink = touched;
        });
    }


    /** The gate-local index of a lane (low targets from the lane bits, the high target from {@code highValue}). */
    private static int localIndex(int[] targets, int lane, int highValue, int high) {
        int local = 0;
        for (int j = 0; j < targets.length; j++) {
            int bit = j == high ? highValue : (lane >> targets[j]) & 1;
            local |= bit << j;
        }
        return local;
    }

    /** Spreads the low bits of {@code value} over the set bits of {@code mask}. */
    private static int deposit(int value, int mask) {
        int out = 0;
        int k = 0;
        for (int b = 0; b < 32; b++) {
            if ((mask >> b & 1) == 1) {
                out |= ((value >> k++) & 1) << b;
            }
        }
        return out;
    }

    /** The plain loop over each row's non-zero columns, for runs shorter than a vector. */
    private void sparseScalar(int start, int end, int[] off, double[] mr, double[] mi, int[][] columns) {
        int dim = off.length;
        double[] xr = new double[dim];
        double[] xi = new double[dim];
        for (int i = start; i < end; i++) {
            for (int c = 0; c < dim; c++) {
                xr[c] = re[i + off[c]];
                xi[c] = im[i + off[c]];
            }
            for (int r = 0; r < dim; r++) {
                double sr = 0;
                double si = 0;
                for (int c : columns[r]) {
                    sr += mr[dim * r + c] * xr[c] - mi[dim * r + c] * xi[c];
                    si += mr[dim * r + c] * xi[c] + mi[dim * r + c] * xr[c];
                }
                re[i + off[r]] = sr;
                im[i + off[r]] = si;
            }
        }
    }

    /** Every column of every row: a dense matrix for {@link #sparseScalar}. */
    private static int[][] allColumns(int dim) {
        int[][] all = new int[dim][];
        for (int r = 0; r < dim; r++) {
            all[r] = java.util.stream.IntStream.range(0, dim).toArray();
        }
        return all;
    }

    /**
     * A block of three or more qubits with targets inside a SIMD vector (the density matrix's
     * two-qubit channels on qubits 0–2). Each group of vectors that differ only in the block's
     * higher targets is loaded once with every flip of the in-vector target bits (shuffles), and
     * each output vector is a sum of per-lane coefficient vectors times those flipped inputs;
     * terms whose coefficients are all zero (most of a channel's superoperator) are skipped.
     */
    private void denseKInLanes(Kernel.Dense d, Space sp) {
        int[] t = d.targets();
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        int dim = 1 << t.length;
        int[] highJ = java.util.stream.IntStream.range(0, t.length).filter(j -> t[j] >= laneBits).toArray();
        int laneMask = java.util.Arrays.stream(t).filter(q -> q < laneBits).map(q -> 1 << q).reduce(0, (a, b) -> a | b);
        int groups = 1 << highJ.length;
        int[] highOffset = new int[groups];
        int[] highLocal = new int[groups];
        for (int h = 0; h < groups; h++) {
            for (int m = 0; m < highJ.length; m++) {
                if (((h >> m) & 1) == 1) {
                    highOffset[h] |= 1 << t[highJ[m]];
                    highLocal[h] |= 1 << highJ[m];
                }
            }
        }
        int[] flips = java.util.stream.IntStream.range(0, LANES).filter(f -> (f & ~laneMask) == 0).toArray();
        int[] laneLocal = new int[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            for (int j = 0; j < t.length; j++) {
                if (t[j] < laneBits && ((lane >> t[j]) & 1) == 1) {
                    laneLocal[lane] |= 1 << j;
                }
            }
        }
        // Terms of output group r: input slot (group c, flip f) and per-lane coefficients.
        double[] mr = d.re();
        double[] mi = d.im();
        int[][] termSlot = new int[groups][];
        double[][] termRe = new double[groups][];
        double[][] termIm = new double[groups][];
        for (int r = 0; r < groups; r++) {
            java.util.List<Integer> slots = new java.util.ArrayList<>();
            java.util.List<double[]> coefficients = new java.util.ArrayList<>();
            for (int c = 0; c < groups; c++) {
                for (int fi = 0; fi < flips.length; fi++) {
                    double[] cr = new double[LANES];
                    double[] ci = new double[LANES];
                    boolean zero = true;
                    for (int lane = 0; lane < LANES; lane++) {
                        int row = highLocal[r] | laneLocal[lane];
                        int col = highLocal[c] | laneLocal[lane ^ flips[fi]];
                        cr[lane] = mr[dim * row + col];
                        ci[lane] = mi[dim * row + col];
                        zero &= cr[lane] == 0 && ci[lane] == 0;
                    }
                    if (!zero) {
                        slots.add(c * flips.length + fi);
                        coefficients.add(cr);
                        coefficients.add(ci);
                    }
                }
            }
            termSlot[r] = slots.stream().mapToInt(Integer::intValue).toArray();
            termRe[r] = new double[slots.size() * LANES];
            termIm[r] = new double[slots.size() * LANES];
            for (int k = 0; k < slots.size(); k++) {
                System.arraycopy(coefficients.get(2 * k), 0, termRe[r], k * LANES, LANES);
                System.arraycopy(coefficients.get(2 * k + 1), 0, termIm[r], k * LANES, LANES);
            }
        }
        @SuppressWarnings("unchecked")
        VectorShuffle<Double>[] shuffles = new VectorShuffle[flips.length];
        for (int fi = 0; fi < flips.length; fi++) {
            int f = flips[fi];
            shuffles[fi] = VectorShuffle.fromOp(S, lane -> lane ^ f);
        }
        // Vectors of one group differ in the higher targets' bits: deposit the group index around them.
        int[] highVectorBits = java.util.Arrays.stream(highJ).map(j -> t[j] - laneBits).sorted().toArray();
        long groupCount = sp.size() / LANES / groups;
        int slotsPerGroup = groups * flips.length;
        sp.policy().forRange(groupCount, (from, to) -> {
            double[] xr = new double[slotsPerGroup * LANES];
            double[] xi = new double[slotsPerGroup * LANES];
            for (long g = from; g < to; g++) {
                int base = (int) (sp.offset() + (Kernel.Bits.deposit(g, highVectorBits) << laneBits));
                for (int c = 0; c < groups; c++) {
                    DoubleVector vr = DoubleVector.fromArray(S, re, base + highOffset[c]);
                    DoubleVector vi = DoubleVector.fromArray(S, im, base + highOffset[c]);
                    for (int fi = 0; fi < flips.length; fi++) {
                        int slot = (c * flips.length + fi) * LANES;
                        (fi == 0 ? vr : vr.rearrange(shuffles[fi])).intoArray(xr, slot);
                        (fi == 0 ? vi : vi.rearrange(shuffles[fi])).intoArray(xi, slot);
                    }
                }
                for (int r = 0; r < groups; r++) {
                    int[] slots = termSlot[r];
                    double[] cr = termRe[r];
                    double[] ci = termIm[r];
                    DoubleVector sr = DoubleVector.zero(S);
                    DoubleVector si = DoubleVector.zero(S);
                    for (int k = 0; k < slots.length; k++) {
                        DoubleVector ar = DoubleVector.fromArray(S, cr, k * LANES);
                        DoubleVector ai = DoubleVector.fromArray(S, ci, k * LANES);
                        DoubleVector pr = DoubleVector.fromArray(S, xr, slots[k] * LANES);
                        DoubleVector pi = DoubleVector.fromArray(S, xi, slots[k] * LANES);
                        sr = pr.fma(ar, pi.neg().fma(ai, sr));
                        si = pi.fma(ar, pr.fma(ai, si));
                    }
                    sr.intoArray(re, base + highOffset[r]);
                    si.intoArray(im, base + highOffset[r]);
                }
            }
        });
    }

    /**
     * A fused block of three or more qubits. Inputs are re-read from L1 for every output row
     * (keeping vectors in arrays would box them) and outputs staged in a small buffer.
     */
    private void denseK(Kernel.Dense d, Space sp) {
        int[] off = offsets(d.targets());
        int dim = off.length;
        double[] mr = d.re();
        double[] mi = d.im();
        double[] nmi = new double[mi.length];
        for (int k = 0; k < mi.length; k++) {
            nmi[k] = -mi[k];
        }
        // Superoperators of channels are mostly zeros: keep each row's non-zero columns only.
        int[][] columns = new int[dim][];
        for (int r = 0; r < dim; r++) {
            int count = 0;
            int[] cols = new int[dim];
            for (int c = 0; c < dim; c++) {
                if (mr[dim * r + c] != 0 || mi[dim * r + c] != 0) {
                    cols[count++] = c;
                }
            }
            columns[r] = java.util.Arrays.copyOf(cols, count);
        }
        forRuns(sp, d.involved(), d.controlMask(), (starts, runs, count) -> {
            double[] outR = new double[dim * LANES];
            double[] outI = new double[dim * LANES];
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                int end = start + count;
                if (count >= vectorFrom) {
                    for (int i = start; i < end; i += LANES) {
                        for (int r = 0; r < dim; r++) {
                            DoubleVector sr = DoubleVector.zero(S);
                            DoubleVector si = DoubleVector.zero(S);
                            for (int c : columns[r]) {
                                int k = dim * r + c;
                                DoubleVector xr = DoubleVector.fromArray(S, re, i + off[c]);
                                DoubleVector xi = DoubleVector.fromArray(S, im, i + off[c]);
                                sr = xr.fma(b(mr[k]), xi.fma(b(nmi[k]), sr));
                                si = xi.fma(b(mr[k]), xr.fma(b(mi[k]), si));
                            }
                            sr.intoArray(outR, r * LANES);
                            si.intoArray(outI, r * LANES);
                        }
                        for (int r = 0; r < dim; r++) {
                            DoubleVector.fromArray(S, outR, r * LANES).intoArray(re, i + off[r]);
                            DoubleVector.fromArray(S, outI, r * LANES).intoArray(im, i + off[r]);
                        }
                    }
                    continue;
                }
                sparseScalar(start, end, off, mr, mi, columns);
            }
        });
    }

    private void diagonal(Kernel.Diagonal d, Space sp) {
        if (d.involved()[0] < Integer.numberOfTrailingZeros(LANES) && sp.size() >= vectorFrom) {
            diagonalInLanes(d, sp);
            return;
        }
        int[] off = offsets(d.targets());
        int dim = off.length;
        int active = 0;
        int[] which = new int[dim];
        for (int j = 0; j < dim; j++) {
            if (d.re()[j] != 1 || d.im()[j] != 0) {
                which[active++] = j;
            }
        }
        if (active == 0) {
            return;
        }
        int count0 = active;
        int[] inv = d.involved();
        // In a pass over memory with every target below FAR_QUBIT and half the phases or more not 1,
        // walking the runs took 1.5× a Hadamard pass (crz 5,9 on 26 qubits); cp there, one phase
        // in four, was faster by runs (0.89 against 1.00).
        boolean near = sp.size() > (1L << chunkQubits) && inv[inv.length - 1] < FAR_QUBIT && 2 * active >= dim;
        if (sp.size() >= vectorFrom && ((1 << inv[0]) == LANES || near)) {
            // Every vector, each times the phase its target bits pick: for runs of one vector, on 26
            // qubits against a Hadamard pass, rz on 3 1.35 → 1.00x, cp 3,4 1.27 → 0.95x; crz 5,9 1.54 → 0.98.
            int[] targets = d.targets();
            double[] pr = d.re();
            double[] pi = d.im();
            forVectors(sp, new int[0], 0, i -> {
                int j = 0;
                for (int k = 0; k < targets.length; k++) {
                    j |= ((i >>> targets[k]) & 1) << k;
                }
                DoubleVector xr = DoubleVector.fromArray(S, re, i);
                DoubleVector xi = DoubleVector.fromArray(S, im, i);
                xr.mul(pr[j]).sub(xi.mul(pi[j])).intoArray(re, i);
                xi.mul(pr[j]).add(xr.mul(pi[j])).intoArray(im, i);
            });
            return;
        }
        forRuns(sp, d.involved(), 0, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                for (int w = 0; w < count0; w++) {
                    int j = which[w];
                    double pr = d.re()[j];
                    double pi = d.im()[j];
                    int from = start + off[j];
                    int end = from + count;
                    int i = from;
                    if (count >= vectorFrom) {
                        for (; i < end; i += LANES) {
                            DoubleVector xr = DoubleVector.fromArray(S, re, i);
                            DoubleVector xi = DoubleVector.fromArray(S, im, i);
                            xr.mul(pr).sub(xi.mul(pi)).intoArray(re, i);
                            xi.mul(pr).add(xr.mul(pi)).intoArray(im, i);
                        }
                    } else {
                        for (; i < end; i++) {
                            double xr = re[i];
                            double xi = im[i];
                            re[i] = xr * pr - xi * pi;
                            im[i] = xi * pr + xr * pi;
                        }
                    }
                }
            }
        });
    }

    /** From this qubit up (64 KiB runs), skipping the runs a diagonal leaves alone pays in a pass over memory. */
    private static final int FAR_QUBIT = 13;

    /**
     * A diagonal touching a qubit inside one SIMD vector: for each combination of its other
     * (higher) targets, one vector of per-lane phases; vectors whose phases are all 1 are skipped
     * where that pays.
     */
    private void diagonalInLanes(Kernel.Diagonal d, Space sp) {
        int[] targets = d.targets();
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        int combos = 1 << targets.length;
        double[][] phaseR = new double[combos][LANES];
        double[][] phaseI = new double[combos][LANES];
        boolean[] trivial = new boolean[combos];
        long highMask = 0;
        for (int t : targets) {
            if (t >= laneBits) {
                highMask |= 1L << t;
            }
        }
        // Index vectors by the local bits of their high targets (low-target bits set to 0).
        for (int hi = 0; hi < combos; hi++) {
            boolean valid = true;
            for (int j = 0; j < targets.length; j++) {
                if (targets[j] < laneBits && ((hi >> j) & 1) == 1) {
                    valid = false;
                }
            }
            trivial[hi] = true;
            if (!valid) {
                continue;
            }
            for (int lane = 0; lane < LANES; lane++) {
                int local = hi;
                for (int j = 0; j < targets.length; j++) {
                    if (targets[j] < laneBits && ((lane >> targets[j]) & 1) == 1) {
                        local |= 1 << j;
                    }
                }
                phaseR[hi][lane] = d.re()[local];
                phaseI[hi][lane] = d.im()[local];
                trivial[hi] &= d.re()[local] == 1 && d.im()[local] == 0;
            }
        }
        long mask = highMask;
        // Vectors whose phases are all 1 are skipped only in a piece in cache or where the skipped
        // runs are long: skipping runs of 4 KiB or less cost more than it saved (26 qubits, against
        // a Hadamard pass, skipped → multiplied by 1: cp 2,9 2.04–2.17 → 1.01, 2,11 1.39–1.48 → 1.03,
        // 2,5 1.47–1.56 → 1.04, crz 9,2 1.3–2.1 → 1.02; cp 2,14 0.77–0.82 skipped, 1.01 not).
        boolean skip = sp.size() <= (1L << chunkQubits) || Long.numberOfTrailingZeros(mask) >= FAR_QUBIT;
        if (mask == 0 && !trivial[0]) {
            // Every target inside the vector: one pair of phase vectors for all.
            sp.policy().forRange(sp.size() / LANES, (from, to) -> {
                DoubleVector p0r = DoubleVector.fromArray(S, phaseR[0], 0), p0i = DoubleVector.fromArray(S, phaseI[0], 0);
                int end = (int) (sp.offset() + to * LANES);
                for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                    DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                    xr.mul(p0r).sub(xi.mul(p0i)).intoArray(re, i);
                    xi.mul(p0r).add(xr.mul(p0i)).intoArray(im, i);
                }
            });
            return;
        }
        sp.policy().forRange(sp.size() / LANES, (from, to) -> {
            int end = (int) (sp.offset() + to * LANES);
            for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                int hi = 0;
                if (mask != 0) {
                    for (int j = 0; j < targets.length; j++) {
                        if (((mask >> targets[j]) & 1) == 1 && ((i >> targets[j]) & 1) == 1) {
                            hi |= 1 << j;
                        }
                    }
                }
                if (skip && trivial[hi]) {
                    continue;
                }
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                DoubleVector vr = DoubleVector.fromArray(S, phaseR[hi], 0), vi = DoubleVector.fromArray(S, phaseI[hi], 0);
                xr.mul(vr).sub(xi.mul(vi)).intoArray(re, i);
                xi.mul(vr).add(xr.mul(vi)).intoArray(im, i);
            }
        });
    }

    /**
     * Fused diagonal gates: one phase-table lookup per vector, or, when the range starts inside
     * a vector, one vector of per-lane phases (lane l reads entry j + (l >> lo)) prepared up front.
     */
    private void diagonalRange(Kernel.DiagonalRange d, Space sp) {
        double[] tr = d.re();
        double[] ti = d.im();
        if (sp.size() < vectorFrom) {
            diagonalRangeScalar(d, sp);
            return;
        }
        int laneBits = Integer.numberOfTrailingZeros(LANES);
        int lo = d.lo();
        // A free range (StagePlanner) runs once per cache-sized chunk, with a table that may be far
        // larger than the chunk (QFT-26: 2^26 entries): nothing here may cost the table's size per call.
        boolean tableLargerThanSpace = tr.length > sp.size();
        if (lo < laneBits && lo > 0 && tableLargerThanSpace) {
            diagonalRangeScalar(d, sp);
            return;
        }
        if (lo < laneBits) {
            int step = 1 << (laneBits - lo);
            // From qubit 0 across a whole vector, a vector's phases are consecutive table entries.
            boolean consecutive = lo == 0 && d.width() >= laneBits;
            LanePhases spread = consecutive ? null : LanePhases.of(d);
            if (!consecutive && spread == null) {
                diagonalRangeScalar(d, sp);
                return;
            }
            double[] er = consecutive ? tr : spread.re();
            double[] ei = consecutive ? ti : spread.im();
            sp.policy().forRange(sp.size() / LANES, (from, to) -> {
                int end = (int) (sp.offset() + to * LANES);
                for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                    int row = d.tableIndex(i) / step * LANES;
                    DoubleVector pr = DoubleVector.fromArray(S, er, row);
                    DoubleVector pi = DoubleVector.fromArray(S, ei, row);
                    DoubleVector xr = DoubleVector.fromArray(S, re, i);
                    DoubleVector xi = DoubleVector.fromArray(S, im, i);
                    xr.mul(pr).sub(xi.mul(pi)).intoArray(re, i);
                    xi.mul(pr).add(xr.mul(pi)).intoArray(im, i);
                }
            });
            return;
        }
        boolean[] trivial = new boolean[tableLargerThanSpace ? 0 : tr.length];
        for (int j = 0; j < trivial.length; j++) {
            trivial[j] = tr[j] == 1 && ti[j] == 0;
        }
        sp.policy().forRange(sp.size() / LANES, (from, to) -> {
            int end = (int) (sp.offset() + to * LANES);
            for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                int j = d.tableIndex(i);
                if (trivial.length == 0 || !trivial[j]) {
                    DoubleVector xr = DoubleVector.fromArray(S, re, i);
                    DoubleVector xi = DoubleVector.fromArray(S, im, i);
                    xr.mul(tr[j]).sub(xi.mul(ti[j])).intoArray(re, i);
                    xi.mul(tr[j]).add(xr.mul(ti[j])).intoArray(im, i);
                }
            }
        });
    }

    /**
     * The plain-loop diagonal range, in loops C2 vectorises by itself. From qubit 0 (a QFT's
     * fan), each aligned block of 2^width amplitudes is multiplied entry by entry by one half of
     * the table; from a higher qubit, the phase is the same over blocks of 2^(lowest qubit read)
     * amplitudes, one constant multiply each (skipped when the phase is 1).
     */
    private void diagonalRangeScalar(Kernel.DiagonalRange d, Space sp) {
        double[] tr = d.re();
        double[] ti = d.im();
        boolean fromZero = d.lo() == 0;
        // Blocks lie inside the space (a cache-sized chunk may hold fewer qubits than the range reads).
        int blockBits = Math.min(sp.qubits(), fromZero ? d.width() : d.extra() >= 0 ? Math.min(d.lo(), d.extra()) : d.lo());
        int block = 1 << blockBits;
        sp.policy().forRange(sp.size() >> blockBits, (from, to) -> {
            for (long b = from; b < to; b++) {
                int start = (int) (sp.offset() + (b << blockBits));
                int j = d.tableIndex(start);
                if (fromZero) {
                    for (int k = 0; k < block; k++) {
                        int i = start + k;
                        double xr = re[i];
                        double xi = im[i];
                        re[i] = xr * tr[j + k] - xi * ti[j + k];
                        im[i] = xi * tr[j + k] + xr * ti[j + k];
                    }
                    continue;
                }
                double pr = tr[j];
                double pi = ti[j];
                if (pr == 1 && pi == 0) {
                    continue;
                }
                for (int i = start, end = start + block; i < end; i++) {
                    double xr = re[i];
                    double xi = im[i];
                    re[i] = xr * pr - xi * pi;
                    im[i] = xi * pr + xr * pi;
                }
            }
        });
    }

    /**
     * A diagonal range's phases spread per lane, for a range whose first qubit is inside a SIMD
     * vector above lane bit 0 (qubit 1 or 2 with 8 lanes): lane l of row j / step holds entry
     * j + (l >> lo), so a vector's phases load whole.
     */
    record LanePhases(double[] re, double[] im) {
        /** The spread phases of {@code d}, or null when its first qubit is not inside a vector above lane bit 0. */
        static LanePhases of(Kernel.DiagonalRange d) {
            int laneBits = Integer.numberOfTrailingZeros(LANES);
            int lo = d.lo();
            if (lo == 0 || lo >= laneBits || lo + d.width() < laneBits || d.extra() >= 0 && d.extra() < laneBits) {
                return null;
            }
            int step = LANES >> lo;
            double[] tr = d.re();
            double[] ti = d.im();
            double[] lr = new double[tr.length / step * LANES];
            double[] li = new double[lr.length];
            for (int j = 0; j < tr.length; j += step) {
                for (int lane = 0; lane < LANES; lane++) {
                    lr[j / step * LANES + lane] = tr[j + (lane >> lo)];
                    li[j / step * LANES + lane] = ti[j + (lane >> lo)];
                }
            }
            return new LanePhases(lr, li);
        }
    }

    /**
     * A diagonal range on qubits partly outside this gathered piece (see {@link StagePlanner}):
     * run r of the piece holds the state's amplitudes from {@code base + runOffset[r]} on, so each
     * amplitude's phase is read with its index in the state. From qubit 0 across a whole run, a
     * run's phases are consecutive table entries; from qubit 1 or 2, rows of {@code lanes} (the
     * range's {@link LanePhases}, made once per stage; these ranges took scalar loops over blocks
     * of 2 or 4, and QFT-26's gates 1.75 → 1.43 s in-process); above a run, one phase.
     */
    void diagonalRangeOnRuns(Kernel.DiagonalRange d, LanePhases lanes, long base, long[] runOffset, int low) {
        double[] tr = d.re();
        double[] ti = d.im();
        int runLength = 1 << low;
        int lo = d.lo();
        if (d.extra() >= 0 && d.extra() < low) {
            for (int r = 0; r < runOffset.length; r++) {
                long start = base + runOffset[r];
                for (int k = 0, at = r << low; k < runLength; k++) {
                    multiply(at + k, tr, ti, d.tableIndex(start + k));
                }
            }
            return;
        }
        // Inside a run, the phase is constant over blocks of 2^blockBits amplitudes and the blocks
        // take consecutive table entries, from the run's first one, in cycles of 2^varying.
        int blockBits = Math.min(lo, low);
        int block = 1 << blockBits;
        int cycle = (1 << Math.max(0, Math.min(d.width(), low - lo))) - 1;
        for (int r = 0; r < runOffset.length; r++) {
            int j0 = d.tableIndex(base + runOffset[r]);
            int at = r << low;
            if (lo == 0 && vectors() && cycle + 1 >= LANES && runLength >= LANES) {
                for (int k = 0; k < runLength; k += LANES) {
                    int j = j0 + (k & cycle);
                    DoubleVector pr = DoubleVector.fromArray(S, tr, j), pi = DoubleVector.fromArray(S, ti, j);
                    DoubleVector xr = DoubleVector.fromArray(S, re, at + k), xi = DoubleVector.fromArray(S, im, at + k);
                    xr.mul(pr).sub(xi.mul(pi)).intoArray(re, at + k);
                    xi.mul(pr).add(xr.mul(pi)).intoArray(im, at + k);
                }
                continue;
            }
            if (lanes != null && vectors() && runLength >= LANES) {
                int step = LANES >> lo;
                for (int k = 0; k < runLength; k += LANES) {
                    int row = (j0 + ((k >> lo) & cycle)) / step * LANES;
                    DoubleVector pr = DoubleVector.fromArray(S, lanes.re(), row), pi = DoubleVector.fromArray(S, lanes.im(), row);
                    DoubleVector xr = DoubleVector.fromArray(S, re, at + k), xi = DoubleVector.fromArray(S, im, at + k);
                    xr.mul(pr).sub(xi.mul(pi)).intoArray(re, at + k);
                    xi.mul(pr).add(xr.mul(pi)).intoArray(im, at + k);
                }
                continue;
            }
            if (lo == 0) {
                for (int k = 0; k < runLength; k++) {
                    int j = j0 + (k & cycle);
                    double xr = re[at + k];
                    double xi = im[at + k];
                    re[at + k] = xr * tr[j] - xi * ti[j];
                    im[at + k] = xi * tr[j] + xr * ti[j];
                }
                continue;
            }
            for (int b = 0; b < runLength >> blockBits; b++) {
                int j = j0 + (b & cycle);
                double pr = tr[j];
                double pi = ti[j];
                if (pr == 1 && pi == 0) {
                    continue;
                }
                if (vectors() && block >= LANES) {
                    DoubleVector vr = DoubleVector.broadcast(S, pr), vi = DoubleVector.broadcast(S, pi);
                    for (int k = at + (b << blockBits), end = k + block; k < end; k += LANES) {
                        DoubleVector xr = DoubleVector.fromArray(S, re, k), xi = DoubleVector.fromArray(S, im, k);
                        xr.mul(vr).sub(xi.mul(vi)).intoArray(re, k);
                        xi.mul(vr).add(xr.mul(vi)).intoArray(im, k);
                    }
                    continue;
                }
                for (int k = at + (b << blockBits), end = k + block; k < end; k++) {
                    double xr = re[k];
                    double xi = im[k];
                    re[k] = xr * pr - xi * pi;
                    im[k] = xi * pr + xr * pi;
                }
            }
        }
    }

    private void multiply(int i, double[] tr, double[] ti, int j) {
        double xr = re[i];
        double xi = im[i];
        re[i] = xr * tr[j] - xi * ti[j];
        im[i] = xi * tr[j] + xr * ti[j];
    }

    private void swap(Kernel.Swap s, Space sp) {
        int a = (int) s.a();
        int b = (int) s.b();
        if (sp.size() >= vectorFrom && a < LANES && b < LANES) {
            swapInLanes(s, sp);
            return;
        }
        if (sp.size() >= vectorFrom && ((a | b | s.controlMask()) & (LANES - 1)) != 0) {
            swapAcrossVectors(s, sp);
            return;
        }
        long controls = s.controlMask();
        long lowestControl = Long.lowestOneBit(controls);
        boolean asX = lowestControl <= 2L * LANES || b <= 8L * LANES && shortControlledRuns(b, controls)
                || Long.bitCount(controls) == 1 && (lowestControl > 4L * LANES || b <= 16L * LANES) && shortControlledRuns(b, controls);
        if (vectors() && a == 0 && (Kernel.Bits.mask(s.involved()) & ~controls) == b && controls != 0 && asX) {
            // cx and ccx with their lowest control on 3 or 4: runs of one or two vectors, which
            // took 1.3–1.6× a Hadamard pass on 26 qubits (3,9 1.39; 4,20 1.60; 4,25 1.63). As an X
            // in dense1's pair loop, 0.93–1.06×. So too cx wherever shortControlledRuns walks
            // pairs, and ccx with the target on 3–6 there: cx 5,3 1.78–2.11 → 0.93–0.95, 5,4
            // 1.64–1.98 → 0.97–1.01, 7,3 1.18–1.24 → 0.85–0.99, 5,7 1.51 → 0.95–1.0, 6,8 1.35 →
            // 0.88–0.92. With the control on 5 only up to target 7: from 9 up walking runs stays
            // faster (5,10 1.11–1.29 against 1.24–1.32). Otherwise a second, higher control leaves
            // runs worth skipping (ccx 5,9,14 0.63 by runs, 1.04 by pairs).
            dense1(Kernels.controlledX(Integer.numberOfTrailingZeros(b), controls), sp);
            return;
        }
        forRuns(sp, s.involved(), s.controlMask(), (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                int start = (int) starts[run];
                int i = start + a;
                int j = start + b;
                int end = i + count;
                if (count >= vectorFrom) {
                    for (; i < end; i += LANES, j += LANES) {
                        DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                        DoubleVector.fromArray(S, re, j).intoArray(re, i);
                        DoubleVector.fromArray(S, im, j).intoArray(im, i);
                        xr.intoArray(re, j);
                        xi.intoArray(im, j);
                    }
                    continue;
                }
                for (; i < end; i++, j++) {
                    double tr = re[i];
                    double ti = im[i];
                    re[i] = re[j];
                    im[i] = im[j];
                    re[j] = tr;
                    im[j] = ti;
                }
            }
        });
    }

    /**
     * A swap whose partners sit in one SIMD vector (x or cx onto qubits 0–2, swap of two of
     * them): in every vector where the controls above it are 1, the lanes that take part (and
     * whose in-vector controls are 1) are exchanged by one shuffle, instead of one scalar
     * exchange per pair.
     */
    private void swapInLanes(Kernel.Swap s, Space sp) {
        int a = (int) s.a();
        int b = (int) s.b();
        int targets = a | b;
        int partner = a ^ b;
        int laneControls = (int) (s.controlMask() & (LANES - 1));
        boolean[] moves = new boolean[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            moves[lane] = ((lane & targets) == a || (lane & targets) == b) && (lane & laneControls) == laneControls;
        }
        VectorMask<Double> moving = VectorMask.fromArray(S, moves, 0);
        VectorShuffle<Double> flip = VectorShuffle.fromOp(S, lane -> lane ^ partner);
        long highControls = s.controlMask() & ~(LANES - 1L);
        long lowestControl = Long.lowestOneBit(highControls);
        if (highControls != 0 && lowestControl <= 4 * LANES) {
            // Every vector, moving lanes only where the controls are 1: the vectors under the
            // controls alone, as runs of 1-4 vectors (control on 3-5), took longer than a whole
            // pass. On 26 qubits, alternated with a Hadamard pass: cx 4 → 1 2.72 → 0.90x,
            // 5 → 0 1.42-2.08 → 0.89-0.94x; longer runs stay cheaper (6 → 0 0.85x, 12 → 0 0.58x).
            VectorMask<Double> still = S.maskAll(false);
            int controls = (int) highControls;
            forVectors(sp, new int[0], 0, i -> {
                VectorMask<Double> m = (i & controls) == controls ? moving : still;
                DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
                xr.blend(xr.rearrange(flip), m).intoArray(re, i);
                xi.blend(xi.rearrange(flip), m).intoArray(im, i);
            });
            return;
        }
        forVectors(sp, Kernel.Bits.withMask(new int[0], highControls), highControls, i -> {
            DoubleVector xr = DoubleVector.fromArray(S, re, i), xi = DoubleVector.fromArray(S, im, i);
            xr.blend(xr.rearrange(flip), moving).intoArray(re, i);
            xi.blend(xi.rearrange(flip), moving).intoArray(im, i);
        });
    }

    /**
     * A swap of amplitudes in different vectors with a qubit inside a vector: a control (cx 0 → 14)
     * or a partner (swap 0, 20). Each amplitude at offset a sits in the vector at the high part of
     * a, its partner in the vector at the high part of b, in the lane its low bits flip to; each
     * pair of vectors takes the lanes that move from the other, shuffled. Run one amplitude at a
     * time, swap 0, 20 took 1.9x a Hadamard pass on 26 qubits.
     */
    private void swapAcrossVectors(Kernel.Swap s, Space sp) {
        int a = (int) s.a();
        int b = (int) s.b();
        int low = LANES - 1;
        int aLow = a & low;
        int bLow = b & low;
        int targetsLow = (a | b) & low;
        int laneControls = (int) (s.controlMask() & low);
        boolean[] intoA = new boolean[LANES];
        boolean[] intoB = new boolean[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            boolean controlled = (lane & laneControls) == laneControls;
            intoA[lane] = controlled && (lane & targetsLow) == aLow;
            intoB[lane] = controlled && (lane & targetsLow) == bLow;
        }
        VectorMask<Double> takeIntoA = VectorMask.fromArray(S, intoA, 0);
        VectorMask<Double> takeIntoB = VectorMask.fromArray(S, intoB, 0);
        VectorShuffle<Double> partner = VectorShuffle.fromOp(S, lane -> lane ^ aLow ^ bLow);
        int aHigh = a & ~low;
        int bHigh = b & ~low;
        long highControls = s.controlMask() & ~(long) low;
        forVectors(sp, Kernel.Bits.withMask(new int[0], highControls | aHigh | bHigh), highControls, i -> {
            DoubleVector xr = DoubleVector.fromArray(S, re, i + aHigh), xi = DoubleVector.fromArray(S, im, i + aHigh);
            DoubleVector yr = DoubleVector.fromArray(S, re, i + bHigh), yi = DoubleVector.fromArray(S, im, i + bHigh);
            xr.blend(yr.rearrange(partner), takeIntoA).intoArray(re, i + aHigh);
            xi.blend(yi.rearrange(partner), takeIntoA).intoArray(im, i + aHigh);
            yr.blend(xr.rearrange(partner), takeIntoB).intoArray(re, i + bHigh);
            yi.blend(xi.rearrange(partner), takeIntoB).intoArray(im, i + bHigh);
        });
    }

    @FunctionalInterface
    private interface VectorBody {
        void apply(int index);
    }

    /** Calls {@code body} for every vector whose {@code involved} bits (all above one vector) are 0, then OR-ed with {@code fixed}. */
    private void forVectors(Space sp, int[] involved, long fixed, VectorBody body) {
        if (involved.length == 0) {
            sp.policy().forRange(sp.size() / LANES, (from, to) -> {
                int end = (int) (sp.offset() + to * LANES);
                for (int i = (int) (sp.offset() + from * LANES); i < end; i += LANES) {
                    body.apply(i);
                }
            });
            return;
        }
        if (involved.length == 1 && fixed == 0 && (1 << involved[0]) <= 128) {
            // Vectors indexed directly rather than by runs, which with the qubit at 3-5 hold one
            // to four vectors; on 6 and 7 reading ahead as dense1 does. On 26 qubits, alternated
            // with a Hadamard pass: swap 0,5 1.07 → 0.97x, swap 0,7 1.75 → 1.07x, cx 0 → 7 1.79 → 0.96x.
            // Not for longer runs (swap 0,9 1.19 → 1.72x), nor under a control (half the vectors:
            // cx 8 → 0 0.68 → 1.72x).
            int offset = 1 << involved[0];
            int below = offset - 1;
            int ahead = readAheadFor(offset, sp);
            int end = (int) (sp.offset() + sp.size());
            sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
                int base = (int) sp.offset();
                int next = base + Kernel.Bits.insertZero((int) from * LANES, below) + ahead;
                double touched = 0;
                for (int v = (int) from; v < (int) to; v++) {
                    if (ahead > 0 && next + LANES < end) {
                        touched += twoLines(next);
                        next += 2 * LANES;
                    }
                    body.apply(base + Kernel.Bits.insertZero(v * LANES, below));
                }
                readAheadSink = touched;
            });
            return;
        }
        forRuns(sp, involved, fixed, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (int i = (int) starts[run], end = i + count; i < end; i += LANES) {
                    body.apply(i);
                }
            }
        });
    }

    private static DoubleVector b(double v) {
        return DoubleVector.broadcast(S, v);
    }

    private static DoubleVector[] broadcast(double[] values, double factor) {
        DoubleVector[] out = new DoubleVector[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = DoubleVector.broadcast(S, values[i] * factor);
        }
        return out;
    }

    /** Offset of each local index of {@code targets} (argument j = bit j of the local index). */
    private static int[] offsets(int[] targets) {
        int[] off = new int[1 << targets.length];
        for (int local = 0; local < off.length; local++) {
            for (int j = 0; j < targets.length; j++) {
                if (((local >> j) & 1) == 1) {
                    off[local] |= 1 << targets[j];
                }
            }
        }
        return off;
    }

    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        int bit = 1 << layout.physical(qubit);
        double p1 = 0;
        for (int i = 0; i < re.length; i++) {
            if ((i & bit) != 0) {
                p1 += re[i] * re[i] + im[i] * im[i];
            }
        }
        boolean one = random.nextDouble() < p1;
        double scale = 1 / Math.sqrt(one ? p1 : 1 - p1);
        for (int i = 0; i < re.length; i++) {
            if (((i & bit) != 0) == one) {
                re[i] *= scale;
                im[i] *= scale;
            } else {
                re[i] = 0;
                im[i] = 0;
            }
        }
        return one;
    }
}
