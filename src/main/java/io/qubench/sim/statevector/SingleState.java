package io.qubench.sim.statevector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Operation.GateOperation;
import io.qubench.sim.DenseSampling;
import io.qubench.sim.PauliString;
import io.qubench.sim.QuantumState;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The state-vector engine's single-precision state: float32 real and imaginary parts in two
 * segments of 2^n floats outside the Java heap, indexed by long (Java arrays stop below 2^31
 * elements; 31 qubits take 2 × 8 GiB here), freed when the state is {@link #close closed}.
 *
 * <p>It runs the same kernels as {@link FastState} (from {@link Fuser}, entries rounded to
 * float) with {@code FloatVector} passes over contiguous runs of whole vectors. Targets and
 * controls inside one vector (the low {@code log2(lanes)} qubits: 0–3 with AVX-512) are handled
 * in registers: a partner lane is reached by a shuffle, and a control inside the vector becomes
 * per-lane coefficients that leave the lanes where it is 0 unchanged. Probabilities, norms and
 * expectation values are summed in double over fixed blocks, so results do not depend on threads.
 */
public final class SingleState implements QuantumState {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = S.length();
    private static final int LANE_BITS = Integer.numberOfTrailingZeros(LANES);
    private static final long LANE_MASK = LANES - 1;
    /** Doubles for sums, and floats of the same lane count to widen into them. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> HALF = VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    /** Cache blocking: 2^16 amplitudes (512 KiB of re and im, as FastState's pieces) stay in one core's L2 cache. */
    static final int CHUNK_QUBITS = 16;
    /** Pieces are copied in runs of at least 2^8 floats (1 KiB): shorter segment copies cost more than they save. */
    static final int MIN_RUN_QUBITS = 8;
    /** Amplitudes per block of a sum: block sums are found in parallel and added in order. */
    private static final int BLOCK = 1 << 14;

    private final int n;
    private final long size;
    private final Arena arena;
    private final MemorySegment re;
    private final MemorySegment im;
    private final ParallelPolicy policy;
    private final int maxFused;
    /** Where each logical qubit lives in the index (SWAP gates relabel). */
    private final QubitLayout layout;
    /** Which qubits are still in |0⟩: the stages skip the pieces where one of them is 1. */
    private final GroundQubits ground;
    private boolean closed;

    /** |0…0⟩ on {@code n} qubits; {@code maxFused} is the fusion limit (0 turns fusion off). */
    public SingleState(int n, ParallelPolicy policy, int maxFused) {
        this(n, policy, maxFused, true, QubitLayout.identity(n), new GroundQubits(n));
        re.setAtIndex(F, 0, 1f);
    }

    private SingleState(int n, ParallelPolicy policy, int maxFused, boolean zeroed, QubitLayout layout, GroundQubits ground) {
        this.n = n;
        this.ground = ground;
        this.size = 1L << n;
        this.policy = policy;
        this.maxFused = maxFused;
        this.layout = layout;
        this.arena = Arena.ofShared();
        try {
            long bytes = size * Float.BYTES;
            this.re = zeroed ? OffHeapMemory.zeroed(bytes, arena, policy) : OffHeapMemory.uninitialised(bytes, arena);
            this.im = zeroed ? OffHeapMemory.zeroed(bytes, arena, policy) : OffHeapMemory.uninitialised(bytes, arena);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public int qubits() {
        return n;
    }

    /** Frees both segments now; later calls do nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    @Override
    public SingleState copy() {
        SingleState c = new SingleState(n, policy, maxFused, false, layout.copy(), ground.copy());
        try {
            policy.forRange(size / Math.min(size, LANES), (from, to) -> {
                long unit = Math.min(size, LANES) * Float.BYTES;
                MemorySegment.copy(re, from * unit, c.re, from * unit, (to - from) * unit);
                MemorySegment.copy(im, from * unit, c.im, from * unit, (to - from) * unit);
            });
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    // ---------------------------------------------------------------- read-out

    @Override
    public double[] amplitudes() {
        QuantumState.requireListable(n);
        double[] out = new double[2 << n];
        boolean relabelled = layout.relabelled();
        for (long i = 0; i < size; i++) {
            int j = (int) (relabelled ? layout.logicalIndex(i) : i);
            out[2 * j] = re.getAtIndex(F, i);
            out[2 * j + 1] = im.getAtIndex(F, i);
        }
        return out;
    }

    /** Σ |amplitude|² in double (1 up to float rounding of the gates applied). */
    public double norm() {
        double total = 0;
        for (double b : blockSums(0)) {
            total += b;
        }
        return total;
    }

    @Override
    public List<BitSet> sample(int shots, RandomGenerator random) {
        return layout.toLogical(DenseSampling.sample(blockSums(0), Math.min(size, BLOCK), this::probabilities, shots, random));
    }

    private void probabilities(long from, long to, DenseSampling.Probabilities.Consumer consumer) {
        for (long i = from; i < to; i++) {
            double r = re.getAtIndex(F, i);
            double m = im.getAtIndex(F, i);
            consumer.accept(i, r * r + m * m);
        }
    }

    /**
     * Measures with the probabilities of the state as it is (its norm drifts from 1 by float
     * rounding) and renormalises the kept half to exactly 1.
     */
    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        long bit = 1L << layout.physical(qubit);
        double total = 0;
        double one = 0;
        double[] all = blockSums(0);
        double[] set = blockSums(bit);
        for (int b = 0; b < all.length; b++) {
            total += all[b];
            one += set[b];
        }
        boolean isOne = random.nextDouble() * total < one;
        double kept = isOne ? one : total - one;
        keepWhere(bit, isOne ? bit : 0, (float) (1 / Math.sqrt(kept)));
        return isOne;
    }

    /**
     * Per block of {@link #BLOCK} amplitudes, Σ |amplitude|² over the indices whose {@code bit}
     * (a single bit, or 0 for all) is set, in double.
     */
    private double[] blockSums(long bit) {
        long block = Math.min(size, BLOCK);
        double[] sums = new double[(int) (size / block)];
        policy.forRange(sums.length, (from, to) -> {
            for (long b = from; b < to; b++) {
                long start = b * block;
                double sum = 0;
                if (bit == 0) {
                    sum = sumSquares(start, start + block);
                } else if (bit >= block) {
                    sum = (start & bit) != 0 ? sumSquares(start, start + block) : 0;
                } else {
                    for (long s = start | bit; s < start + block; s += 2 * bit) {
                        sum += sumSquares(s, s + bit);
                    }
                }
                sums[(int) b] = sum;
            }
        });
        return sums;
    }

    /** Σ |amplitude|² over [from, to), widened to double before squaring. */
    private double sumSquares(long from, long to) {
        long i = from;
        double sum = 0;
        int step = D.length();
        if (to - from >= step) {
            DoubleVector accR = DoubleVector.zero(D);
            DoubleVector accI = DoubleVector.zero(D);
            for (; i + step <= to; i += step) {
                DoubleVector r = (DoubleVector) FloatVector.fromMemorySegment(HALF, re, i * Float.BYTES, ORDER)
                        .convertShape(VectorOperators.F2D, D, 0);
                DoubleVector m = (DoubleVector) FloatVector.fromMemorySegment(HALF, im, i * Float.BYTES, ORDER)
                        .convertShape(VectorOperators.F2D, D, 0);
                accR = r.fma(r, accR);
                accI = m.fma(m, accI);
            }
            // Lanes added in a fixed order: the same sum on every run.
            double[] lanes = accR.add(accI).toArray();
            for (double v : lanes) {
                sum += v;
            }
        }
        for (; i < to; i++) {
            double r = re.getAtIndex(F, i);
            double m = im.getAtIndex(F, i);
            sum += r * r + m * m;
        }
        return sum;
    }

    /** Multiplies the entries whose {@code bit} equals {@code value} by {@code scale} and zeroes the others. */
    private void keepWhere(long bit, long value, float scale) {
        if (size < LANES) {
            for (long i = 0; i < size; i++) {
                float f = (i & bit) == value ? scale : 0;
                re.setAtIndex(F, i, re.getAtIndex(F, i) * f);
                im.setAtIndex(F, i, im.getAtIndex(F, i) * f);
            }
            return;
        }
        if (bit < LANES) {
            float[] factor = new float[LANES];
            for (int lane = 0; lane < LANES; lane++) {
                factor[lane] = (lane & bit) == value ? scale : 0;
            }
            FloatVector f = FloatVector.fromArray(S, factor, 0);
            forRuns(whole(), new int[0], 0, (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        store(load(re, i).mul(f), re, i);
                        store(load(im, i).mul(f), im, i);
                    }
                }
            });
            return;
        }
        int[] involved = {Long.numberOfTrailingZeros(bit)};
        forRuns(whole(), involved, value, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    store(load(re, i).mul(scale), re, i);
                    store(load(im, i).mul(scale), im, i);
                }
            }
        });
        forRuns(whole(), involved, value ^ bit, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                re.asSlice(starts[run] * Float.BYTES, count * Float.BYTES).fill((byte) 0);
                im.asSlice(starts[run] * Float.BYTES, count * Float.BYTES).fill((byte) 0);
            }
        });
    }

    /**
     * ⟨ψ|P|ψ⟩ in one read-only pass in double: P|i⟩ = i^y (−1)^(z·i) |i ⊕ x⟩, so the sum pairs
     * each amplitude with the one its X part flips to.
     */
    public double expectation(PauliString pauli) {
        if (pauli.qubits() > n) {
            throw new SimulationException("Pauli string on " + pauli.qubits() + " qubits for a " + n + "-qubit state");
        }
        long x = layout.toPhysical(pauli.xMask());
        long z = layout.toPhysical(pauli.zMask());
        long xm = x;
        long zm = z;
        long block = Math.min(size, BLOCK);
        double[] partR = new double[(int) (size / block)];
        double[] partI = new double[partR.length];
        policy.forRange(partR.length, (from, to) -> {
            for (long b = from; b < to; b++) {
                double sr = 0;
                double si = 0;
                for (long i = b * block; i < (b + 1) * block; i++) {
                    long j = i ^ xm;
                    double ir = re.getAtIndex(F, i);
                    double ii = im.getAtIndex(F, i);
                    double jr = re.getAtIndex(F, j);
                    double ji = im.getAtIndex(F, j);
                    // conj(ψ_j) · ψ_i · (−1)^(z·i)
                    double pr = jr * ir + ji * ii;
                    double pi = jr * ii - ji * ir;
                    if ((Long.bitCount(i & zm) & 1) == 1) {
                        sr -= pr;
                        si -= pi;
                    } else {
                        sr += pr;
                        si += pi;
                    }
                }
                partR[(int) b] = sr;
                partI[(int) b] = si;
            }
        });
        double sr = 0;
        double si = 0;
        for (int b = 0; b < partR.length; b++) {
            sr += partR[b];
            si += partI[b];
        }
        // Multiply by i^y; the result is real for a Hermitian P.
        return switch (pauli.yCount() & 3) {
            case 0 -> sr;
            case 1 -> -si;
            case 2 -> -sr;
            default -> si;
        };
    }

    // ---------------------------------------------------------------- gates

    /**
     * Applies the gates as fused kernels in the stages of {@link StagePlanner} (the schedule
     * {@link FastState} uses): one sweep over memory per stage.
     */
    @Override
    public void applyGates(List<GateOperation> gates) {
        List<Kernel> kernels = new Fuser(n, maxFused).fuse(layout.place(gates));
        if (n <= CHUNK_QUBITS) {
            for (Kernel k : kernels) {
                ShotRunner.checkCancelled();
                apply(k);
            }
            return;
        }
        for (StagePlanner.Stage stage : new StagePlanner(n, CHUNK_QUBITS, MIN_RUN_QUBITS).plan(kernels)) {
            ShotRunner.checkCancelled();
            if (stage.whole()) {
                pass(stage.kernels().getFirst()).run(whole());
            } else if (Long.numberOfTrailingZeros(~stage.qubits()) == CHUNK_QUBITS) {
                List<Pass> passes = stage.kernels().stream().map(this::pass).toList();
                int[] baseZeros = ground.baseZeros(stage.qubits());
                policy.forCoarse(1L << (n - baseZeros.length), (from, to) -> {
                    for (long c = from; c < to; c++) {
                        Space chunk = new Space(Kernel.Bits.deposit(c, baseZeros), CHUNK_QUBITS, ParallelPolicy.SEQUENTIAL);
                        for (Pass p : passes) {
                            p.run(chunk);
                        }
                    }
                });
            } else {
                applyGathered(stage);
            }
            stage.kernels().forEach(ground::excite);
        }
    }

    /** A warm-up of the kernels these gates will run as, on a state one qubit larger than a piece. */
    static Warmup warmupFor(int n, int maxFused, List<GateOperation> gates) {
        List<Kernel> kernels = new Fuser(n, maxFused).fuse(QubitLayout.identity(n).place(gates));
        List<Kernel> asRun = n <= CHUNK_QUBITS ? kernels : new StagePlanner(n, CHUNK_QUBITS, MIN_RUN_QUBITS).asRun(kernels);
        int qubits = CHUNK_QUBITS + 1;
        return new Warmup("single", qubits, q -> new SingleState(q, ParallelPolicy.SEQUENTIAL, 0),
                (s, k) -> ((SingleState) s).apply(k), Warmup.representatives(asRun, qubits));
    }

    /** Per worker thread, the buffer a piece of the state is gathered into (freed with the thread's process). */
    private static final ThreadLocal<SingleState> PIECE = ThreadLocal.withInitial(
            () -> new SingleState(CHUNK_QUBITS, ParallelPolicy.SEQUENTIAL, 0));

    /**
     * The chunk holds high qubits: as in {@link FastState}, each piece is copied in runs of
     * 2^low contiguous amplitudes into a buffer, where the kernels run on renumbered qubits, and
     * copied back.
     */
    private void applyGathered(StagePlanner.Stage stage) {
        List<Kernel> moved = stage.movedToPiece(n);
        int[] baseZeros = ground.baseZeros(stage.qubits());
        long runBytes = (1L << stage.runQubits()) * Float.BYTES;
        long[] runOffset = stage.runOffsets();
        policy.forCoarse(1L << (n - baseZeros.length), (from, until) -> {
            SingleState piece = PIECE.get();
            List<Pass> passes = moved.stream().map(piece::pass).toList();
            Space all = piece.whole();
            for (long c = from; c < until; c++) {
                long base = Kernel.Bits.deposit(c, baseZeros);
                for (int r = 0; r < runOffset.length; r++) {
                    MemorySegment.copy(re, (base + runOffset[r]) * Float.BYTES, piece.re, (long) r * runBytes, runBytes);
                    MemorySegment.copy(im, (base + runOffset[r]) * Float.BYTES, piece.im, (long) r * runBytes, runBytes);
                }
                for (Pass p : passes) {
                    p.run(all);
                }
                for (int r = 0; r < runOffset.length; r++) {
                    MemorySegment.copy(piece.re, (long) r * runBytes, re, (base + runOffset[r]) * Float.BYTES, runBytes);
                    MemorySegment.copy(piece.im, (long) r * runBytes, im, (base + runOffset[r]) * Float.BYTES, runBytes);
                }
            }
        });
    }

    /** Applies one kernel to the whole state (tests reach the kernels directly through this). */
    void apply(Kernel kernel) {
        pass(kernel).run(whole());
        ground.excite(kernel);
    }

    /** The part of the state a pass works on: all of it, or a chunk of 2^qubits amplitudes from {@code offset}. */
    private record Space(long offset, int qubits, ParallelPolicy policy) {
        long size() {
            return 1L << qubits;
        }
    }

    private Space whole() {
        return new Space(0, n, policy);
    }

    /** A kernel prepared once (coefficients rounded to float, shuffles built), applied to any space. */
    @FunctionalInterface
    private interface Pass {
        void run(Space sp);
    }

    private Pass pass(Kernel kernel) {
        if (size < LANES) {
            return sp -> scalar(kernel, sp);
        }
        return switch (kernel) {
            case Kernel.Dense d when d.targets().length == 1 && d.targets()[0] >= LANE_BITS -> dense1(d);
            case Kernel.Dense d when !inLanes(d) && d.targets().length == 2 -> dense2(d);
            case Kernel.Dense d when d.targets().length == 1 && (d.controlMask() & LANE_MASK) == 0 -> dense1InLanes(d);
            // Target and control both inside the vector: the 4×4 matrix it is, a vector at a time
            // (through denseLanes, cu 1,2 and 2,1 took 3.6–3.7× a Hadamard pass on 26 qubits).
            case Kernel.Dense d when d.targets().length == 1 && d.controlMask() < LANES && Long.bitCount(d.controlMask()) == 1 ->
                dense2InLanes(Kernels.withControlAsTarget(d));
            case Kernel.Dense d when d.targets().length == 2 && (d.controlMask() & LANE_MASK) == 0 -> dense2InLanes(d);
            case Kernel.Dense d -> denseLanes(d);
            case Kernel.Diagonal d -> diagonal(d);
            case Kernel.DiagonalRange d -> diagonalRange(d);
            case Kernel.Swap s -> swap(s);
            case Kernel.TraceMix t -> throw unsupported(t);
        };
    }

    /** A target or a control inside one vector. */
    private static boolean inLanes(Kernel.Dense d) {
        if ((d.controlMask() & LANE_MASK) != 0) {
            return true;
        }
        for (int t : d.targets()) {
            if (t < LANE_BITS) {
                return true;
            }
        }
        return false;
    }

    private static void forRuns(Space sp, int[] involved, long fixed, RunBatches.Batch batch) {
        forRuns(sp, involved, fixed, () -> batch);
    }

    /** The runs of {@code sp} whose {@code involved} bits (ascending, none inside a vector) are 0, then OR-ed with {@code fixed}. */
    private static void forRuns(Space sp, int[] involved, long fixed, Supplier<RunBatches.Batch> batches) {
        RunBatches.forRuns(sp.policy(), sp.offset(), sp.qubits(), involved, fixed, batches);
    }

    private static FloatVector load(MemorySegment s, long index) {
        return FloatVector.fromMemorySegment(S, s, index * Float.BYTES, ORDER);
    }

    private static void store(FloatVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Float.BYTES, ORDER);
    }

    private static FloatVector b(float v) {
        return FloatVector.broadcast(S, v);
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    /** The bits of {@code mask} at or above the vector's lane bits, ascending. */
    private static int[] highBits(long mask) {
        return Kernel.Bits.withMask(new int[0], mask & ~LANE_MASK);
    }

    /** Spreads the low bits of {@code value} over the set bits of {@code mask}. */
    private static int depositBits(int value, int mask) {
        int out = 0;
        int k = 0;
        for (int b = 0; b < 32; b++) {
            if ((mask >> b & 1) == 1) {
                out |= ((value >> k++) & 1) << b;
            }
        }
        return out;
    }

    /**
     * A one-qubit matrix on a target outside the vector, under any controls. Coefficients are per
     * lane, so that a control inside the vector is the identity's coefficients in its 0 lanes:
     * through {@link #denseLanes}, which re-reads both inputs for each output and stages them, a
     * controlled rx with its control on 0–3 took 2–4.5× a Hadamard pass.
     */
    private Pass dense1(Kernel.Dense d) {
        long t = 1L << d.targets()[0];
        int laneControls = (int) (d.controlMask() & LANE_MASK);
        // Per lane: a00, a01, a10, a11 (real, then imaginary, then the imaginary negated).
        float[][] cr = new float[4][LANES];
        float[][] ci = new float[4][LANES];
        float[][] nci = new float[4][LANES];
        for (int lane = 0; lane < LANES; lane++) {
            boolean on = (lane & laneControls) == laneControls;
            for (int e = 0; e < 4; e++) {
                cr[e][lane] = (float) (on ? d.re()[e] : (e == 0 || e == 3 ? 1 : 0));
                ci[e][lane] = (float) (on ? d.im()[e] : 0);
                nci[e][lane] = -ci[e][lane];
            }
        }
        int[] involved = highBits(d.controlMask() | t);
        long controls = d.controlMask() & ~LANE_MASK;
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        Pass byRuns = sp -> forRuns(sp, involved, controls, (starts, runs, count) -> {
            FloatVector a00r = FloatVector.fromArray(S, cr[0], 0), a01r = FloatVector.fromArray(S, cr[1], 0);
            FloatVector a10r = FloatVector.fromArray(S, cr[2], 0), a11r = FloatVector.fromArray(S, cr[3], 0);
            FloatVector a00i = FloatVector.fromArray(S, ci[0], 0), a01i = FloatVector.fromArray(S, ci[1], 0);
            FloatVector a10i = FloatVector.fromArray(S, ci[2], 0), a11i = FloatVector.fromArray(S, ci[3], 0);
            FloatVector n00i = FloatVector.fromArray(S, nci[0], 0), n01i = FloatVector.fromArray(S, nci[1], 0);
            FloatVector n10i = FloatVector.fromArray(S, nci[2], 0), n11i = FloatVector.fromArray(S, nci[3], 0);
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    FloatVector xr = load(re, i), xi = load(im, i);
                    FloatVector yr = load(re, i + t), yi = load(im, i + t);
                    store(xr.fma(a00r, yr.fma(a01r, xi.fma(n00i, yi.mul(n01i)))), re, i);
                    store(xi.fma(a00r, yi.fma(a01r, xr.fma(a00i, yr.mul(a01i)))), im, i);
                    store(xr.fma(a10r, yr.fma(a11r, xi.fma(n10i, yi.mul(n11i)))), re, i + t);
                    store(xi.fma(a10r, yi.fma(a11r, xr.fma(a10i, yr.mul(a11i)))), im, i + t);
                }
            }
        });
        // Pairs indexed directly, uncontrolled on qubits 4–10 or under controls with short runs
        // (shortControlledRuns): there a run is 1–64 vectors, and walking runs took 1.2–2.0× a
        // Hadamard pass (26 qubits; uncontrolled h on 4–5, cu 4,8 1.14–1.5, 6,14 1.21). From 11
        // up, and under higher controls, runs are as fast.
        boolean pairs = controls == 0 ? t <= 1024 : shortControlledRuns(t, controls);
        return pairs ? sp -> dense1Pairs(sp, t, controls, cr, ci, nci) : byRuns;
    }

    /**
     * Whether a one-qubit pass with target offset {@code t} under {@code controls} (all above the
     * vector) walks its pairs rather than its runs: with the lowest control on 4–6, whose runs are
     * 1–4 vectors, and with the target on 4–7 under a lowest control on 7–11, where runs of 1–8
     * vectors alternate with as long a stretch skipped (as FastState's 3–6 under 6–10). On 26
     * qubits against a Hadamard pass, runs → pairs: cu 7,4 2.30–2.41 → 0.96–0.98, 8,5 2.1 →
     * 0.97–0.98, 9,7 1.25–1.38 → 0.92–1.02, cx 7,4 1.57–1.71 → 1.01–1.05, 8,5 1.36–1.45 → 0.95–0.97.
     */
    private static boolean shortControlledRuns(long t, long controls) {
        long lowest = Long.lowestOneBit(controls);
        return lowest <= 4L * LANES || t <= 8L * LANES && lowest <= 2048;
    }

    /**
     * A one-qubit pass, pairs indexed directly, reading ahead as FastState does (see
     * {@link #readAheadFor}); where the {@code controls} above the vector are not all 1 a pair is
     * left as it is. Written out, as {@link #oneLaneTargetPairs} is.
     */
    private void dense1Pairs(Space sp, long t, long controls, float[][] cr, float[][] ci, float[][] nci) {
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        long below = t - 1;
        long ahead = readAheadFor(t, sp);
        boolean rewrite = ahead == 0 && sp.size() > (1L << CHUNK_QUBITS);
        long end = sp.offset() + sp.size();
        sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
            FloatVector a00r = FloatVector.fromArray(S, cr[0], 0), a01r = FloatVector.fromArray(S, cr[1], 0);
            FloatVector a10r = FloatVector.fromArray(S, cr[2], 0), a11r = FloatVector.fromArray(S, cr[3], 0);
            FloatVector a00i = FloatVector.fromArray(S, ci[0], 0), a01i = FloatVector.fromArray(S, ci[1], 0);
            FloatVector a10i = FloatVector.fromArray(S, ci[2], 0), a11i = FloatVector.fromArray(S, ci[3], 0);
            FloatVector n00i = FloatVector.fromArray(S, nci[0], 0), n01i = FloatVector.fromArray(S, nci[1], 0);
            FloatVector n10i = FloatVector.fromArray(S, nci[2], 0), n11i = FloatVector.fromArray(S, nci[3], 0);
            long base = sp.offset();
            long next = base + Kernel.Bits.insertZero(from * LANES, below) + ahead;
            float touched = 0;
            for (long v = from; v < to; v++) {
                long i = base + Kernel.Bits.insertZero(v * LANES, below);
                if (ahead > 0 && next + LANES < end) {
                    touched += touchLines(next, 2 * LANES);
                    next += 2 * LANES;
                }
                // Where the controls are not all 1 the pair is skipped, or in a pass over memory
                // that does not read ahead written back unchanged, so that the stores stream (as in
                // FastState#dense1): cu 4,20 1.16 → 0.91, 6,14 1.36 → 1.06, 6,25 1.38 → 0.99; with
                // read-ahead skipping is faster (5,9 0.84 against 1.32). Written as a choice of the
                // outputs: a second set of loads and stores took the body past C2's inlining limit.
                boolean off = (i & controls) != controls;
                if (off && !rewrite) {
                    continue;
                }
                FloatVector xr = load(re, i), xi = load(im, i);
                FloatVector yr = load(re, i + t), yi = load(im, i + t);
                FloatVector o0r = xr.fma(a00r, yr.fma(a01r, xi.fma(n00i, yi.mul(n01i))));
                FloatVector o0i = xi.fma(a00r, yi.fma(a01r, xr.fma(a00i, yr.mul(a01i))));
                FloatVector o1r = xr.fma(a10r, yr.fma(a11r, xi.fma(n10i, yi.mul(n11i))));
                FloatVector o1i = xi.fma(a10r, yi.fma(a11r, xr.fma(a10i, yr.mul(a11i))));
                if (off) {
                    o0r = xr;
                    o0i = xi;
                    o1r = yr;
                    o1i = yi;
                }
                store(o0r, re, i);
                store(o0i, im, i);
                store(o1r, re, i + t);
                store(o1i, im, i + t);
            }
            readAheadSink = touched;
        });
    }

    /** What a read-ahead touches: one float of each line of {@code count} amplitudes from {@code at} (none when count ≤ 0). */
    private float touchLines(long at, long count) {
        float sum = 0;
        for (long j = at, end = at + count; j < end; j += LANES) {
            sum += re.getAtIndex(F, j) + im.getAtIndex(F, j);
        }
        return sum;
    }

    /** Where a pass's read-ahead sums what it touched: a store, so the JIT keeps the loads. */
    private static float readAheadSink;

    /**
     * Whether a two-qubit pass over memory reads the next block ahead of its groups: with both
     * targets on 5–11 and the lower on 5–9 (FastState's 4–10 and 4–8, the same bytes), where a
     * block of 2^(high+1) amplitudes holds four short runs. On 26 qubits against a Hadamard pass,
     * without → with: rxx 5,8 2.8–3.2 → 1.05, 6,9 2.4 → 1.13, 7,9 2.7 → 1.23, 6,10 1.8–2.0 → 1.43.
     * FastState's pair-by-pair read-ahead for the lower far from the upper gave nothing clear here
     * (8,18 1.57 → 1.10–1.50, 6,16 1.02 → 1.16–1.52), so it is not ported.
     */
    private static boolean readsAhead(long lowOffset, long highOffset, Space sp) {
        return sp.size() > (1L << CHUNK_QUBITS) && lowOffset >= 32 && lowOffset <= 512 && highOffset <= 2048;
    }

    /**
     * How far a one-qubit pass over memory reads ahead of its pairs, in amplitudes: one block of
     * 2t when the target's offset t spans 512 B–2 KiB (qubits 7–9), half a block on qubit 10
     * (4 KiB), where the hardware prefetcher follows the runs badly, as on FastState's 6–10. On
     * 26 qubits, against a Hadamard pass on 14, without → with: 7 1.70 → 0.95, 8 1.78 → 0.95,
     * 9 1.78 → 1.18–1.26; 10 1.41 → 1.40–1.56 a block ahead, 1.20–1.22 half a block. On 11 it
     * cost time (1.43–1.56 → 1.57–1.59), and half a block there changed nothing (1.18 → 1.19–1.21).
     */
    private static long readAheadFor(long offset, Space sp) {
        if (sp.size() <= (1L << CHUNK_QUBITS) || offset < 128 || offset > 1024) {
            return 0;
        }
        return offset == 1024 ? offset : 2 * offset;
    }

    /**
     * A one-qubit matrix on a target inside the vector: each lane pairs with the lane whose index
     * differs in the target bit, reached by a shuffle, so every vector is one multiply-add of
     * itself and its shuffled copy with per-lane coefficients. Controls lie outside the vector.
     */
    private Pass dense1InLanes(Kernel.Dense d) {
        int t = 1 << d.targets()[0];
        double[] mr = d.re();
        double[] mi = d.im();
        float[] selfR = new float[LANES];
        float[] selfI = new float[LANES];
        float[] otherR = new float[LANES];
        float[] otherI = new float[LANES];
        for (int lane = 0; lane < LANES; lane++) {
            boolean one = (lane & t) != 0;
            selfR[lane] = (float) (one ? mr[3] : mr[0]);
            selfI[lane] = (float) (one ? mi[3] : mi[0]);
            otherR[lane] = (float) (one ? mr[2] : mr[1]);
            otherI[lane] = (float) (one ? mi[2] : mi[1]);
        }
        VectorShuffle<Float> partner = VectorShuffle.fromOp(S, lane -> lane ^ t);
        int[] controls = highBits(d.controlMask());
        long fixed = d.controlMask();
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        if (fixed != 0 && Long.lowestOneBit(fixed) <= 8L * LANES) {
            // The lowest control on 4–7: every vector, left as it is where the controls are not all
            // 1. Skipping its runs of 1–8 vectors took cu 4,0 1.87× a Hadamard pass on 26 qubits,
            // 5,2 1.36–1.54, 6,3 1.44–1.47, 7,1 1.08–1.12; so, 0.92–0.97. From 8 up skipping pays.
            return sp -> sp.policy().forRange(sp.size() / LANES, (from, to) -> {
                FloatVector ar = FloatVector.fromArray(S, selfR, 0), ai = FloatVector.fromArray(S, selfI, 0);
                FloatVector br = FloatVector.fromArray(S, otherR, 0), bi = FloatVector.fromArray(S, otherI, 0);
                FloatVector nai = ai.neg(), nbi = bi.neg();
                for (long i = sp.offset() + from * LANES, end = sp.offset() + to * LANES; i < end; i += LANES) {
                    FloatVector xr = load(re, i), xi = load(im, i);
                    FloatVector pr = xr.rearrange(partner), pi = xi.rearrange(partner);
                    VectorMask<Float> keep = S.maskAll((i & fixed) != fixed);
                    store(xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))).blend(xr, keep), re, i);
                    store(xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))).blend(xi, keep), im, i);
                }
            });
        }
        return sp -> forRuns(sp, controls, fixed, (starts, runs, count) -> {
            FloatVector ar = FloatVector.fromArray(S, selfR, 0), ai = FloatVector.fromArray(S, selfI, 0);
            FloatVector br = FloatVector.fromArray(S, otherR, 0), bi = FloatVector.fromArray(S, otherI, 0);
            FloatVector nai = ai.neg(), nbi = bi.neg();
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    FloatVector xr = load(re, i), xi = load(im, i);
                    FloatVector pr = xr.rearrange(partner), pi = xi.rearrange(partner);
                    store(xr.fma(ar, xi.fma(nai, pr.fma(br, pi.mul(nbi)))), re, i);
                    store(xi.fma(ar, xr.fma(ai, pi.fma(br, pr.mul(bi)))), im, i);
                }
            }
        });
    }

    /**
     * A two-qubit matrix with both targets and all controls outside the vector: four vectors in
     * registers. Each complex multiply-add is four FMAs on two broadcast coefficients, the
     * inputs' imaginary parts being negated once: Re(c·x) = cr·xr + ci·(−xi).
     */
    private Pass dense2(Kernel.Dense d) {
        int[] t = d.targets();
        long o1 = 1L << t[0];
        long o2 = 1L << t[1];
        long o3 = o1 | o2;
        float[] mr = floats(d.re());
        float[] mi = floats(d.im());
        int[] involved = d.involved();
        long controls = d.controlMask();
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        if (controls == 0) {
            // Groups indexed directly, each output four short FMA chains: as FastState#dense2Groups.
            long low = Math.min(o1, o2) - 1;
            long high = Math.max(o1, o2) - 1;
            long[] outOff = {0, o1, o2, o3};
            long block = 2 * (high + 1);
            return sp -> {
                // Where the runs are short (see readsAhead), each group touches four lines of the next
                // block, in address order. Through touchLines, after the arithmetic: with the touches
                // written out, the body passed C2's inlining limit and its vectors were boxed (16×).
                boolean ahead = readsAhead(low + 1, high + 1, sp);
                long end = sp.offset() + sp.size();
                sp.policy().forRange(sp.size() / (4 * LANES), (from, to) -> {
                    long base = sp.offset();
                    long next = base + Kernel.Bits.insertZero(Kernel.Bits.insertZero(from * LANES, low), high) + block;
                    float touched = 0;
                    for (long v = from; v < to; v++) {
                        long i = base + Kernel.Bits.insertZero(Kernel.Bits.insertZero(v * LANES, low), high);
                        FloatVector r0 = load(re, i), i0 = load(im, i);
                        FloatVector r1 = load(re, i + o1), i1 = load(im, i + o1);
                        FloatVector r2 = load(re, i + o2), i2 = load(im, i + o2);
                        FloatVector r3 = load(re, i + o3), i3 = load(im, i + o3);
                        for (int r = 0; r < 4; r++) {
                            int k = 4 * r;
                            FloatVector rr = r3.fma(b(mr[k + 3]), r2.fma(b(mr[k + 2]), r1.fma(b(mr[k + 1]), r0.mul(mr[k]))));
                            FloatVector ii = i3.fma(b(mi[k + 3]), i2.fma(b(mi[k + 2]), i1.fma(b(mi[k + 1]), i0.mul(mi[k]))));
                            FloatVector ri = i3.fma(b(mr[k + 3]), i2.fma(b(mr[k + 2]), i1.fma(b(mr[k + 1]), i0.mul(mr[k]))));
                            FloatVector ir = r3.fma(b(mi[k + 3]), r2.fma(b(mi[k + 2]), r1.fma(b(mi[k + 1]), r0.mul(mi[k]))));
                            store(rr.sub(ii), re, i + outOff[r]);
                            store(ri.add(ir), im, i + outOff[r]);
                        }
                        if (ahead && next + 4 * LANES <= end) {
                            touched += touchLines(next, 4 * LANES);
                            next += 4 * LANES;
                        }
                    }
                    readAheadSink = touched;
                });
            };
        }
        return sp -> forRuns(sp, involved, controls, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    FloatVector r0 = load(re, i), i0 = load(im, i);
                    FloatVector r1 = load(re, i + o1), i1 = load(im, i + o1);
                    FloatVector r2 = load(re, i + o2), i2 = load(im, i + o2);
                    FloatVector r3 = load(re, i + o3), i3 = load(im, i + o3);
                    FloatVector n0 = i0.neg(), n1 = i1.neg(), n2 = i2.neg(), n3 = i3.neg();
                    // A loop, not unrolled by hand: unrolled (or with a helper taking the vectors) it was
                    // compiled with boxed vectors, 10 to 100 times slower.
                    for (int r = 0; r < 4; r++) {
                        int k = 4 * r;
                        FloatVector a0 = b(mr[k]), b0 = b(mi[k]);
                        FloatVector sr = r0.fma(a0, n0.mul(b0));
                        FloatVector si = i0.fma(a0, r0.mul(b0));
                        FloatVector a1 = b(mr[k + 1]), b1 = b(mi[k + 1]);
                        sr = r1.fma(a1, n1.fma(b1, sr));
                        si = i1.fma(a1, r1.fma(b1, si));
                        FloatVector a2 = b(mr[k + 2]), b2 = b(mi[k + 2]);
                        sr = r2.fma(a2, n2.fma(b2, sr));
                        si = i2.fma(a2, r2.fma(b2, si));
                        FloatVector a3 = b(mr[k + 3]), b3 = b(mi[k + 3]);
                        sr = r3.fma(a3, n3.fma(b3, sr));
                        si = i3.fma(a3, r3.fma(b3, si));
                        long o = r == 0 ? 0 : r == 1 ? o1 : r == 2 ? o2 : o3;
                        store(sr, re, i + o);
                        store(si, im, i + o);
                    }
                }
            }
        });
    }

    /**
     * A two-qubit matrix with a target inside the vector and controls outside it. With both
     * targets inside, each vector is the sum of itself and three shuffled copies times per-lane
     * coefficients (kept in registers). With one inside, the pair of vectors differing in the
     * outer target and their shuffled copies are the four inputs of both outputs.
     */
    private Pass dense2InLanes(Kernel.Dense d) {
        int[] t = d.targets();
        boolean low0 = t[0] < LANE_BITS;
        boolean low1 = t[1] < LANE_BITS;
        int[] highOf = {low0 ? -1 : 0, low1 ? -1 : (low0 ? 0 : 1)};
        int lowMask = (low0 ? 1 << t[0] : 0) | (low1 ? 1 << t[1] : 0);
        int patterns = 1 << Integer.bitCount(lowMask);
        int groups = 4 / patterns;
        // Coefficient of (input group gi, pattern p) in output group go, lane by lane.
        float[][] cr = new float[groups * groups * patterns][LANES];
        float[][] ci = new float[groups * groups * patterns][LANES];
        for (int lane = 0; lane < LANES; lane++) {
            for (int p = 0; p < patterns; p++) {
                int src = lane ^ depositBits(p, lowMask);
                for (int go = 0; go < groups; go++) {
                    for (int gi = 0; gi < groups; gi++) {
                        int row = localIndex(t, highOf, lane, go);
                        int col = localIndex(t, highOf, src, gi);
                        int term = (go * groups + gi) * patterns + p;
                        cr[term][lane] = (float) d.re()[4 * row + col];
                        ci[term][lane] = (float) d.im()[4 * row + col];
                    }
                }
            }
        }
        VectorShuffle<Float> s1 = VectorShuffle.fromOp(S, lane -> lane ^ depositBits(1, lowMask));
        VectorShuffle<Float> s2 = VectorShuffle.fromOp(S, lane -> lane ^ depositBits(2, lowMask));
        VectorShuffle<Float> s3 = VectorShuffle.fromOp(S, lane -> lane ^ depositBits(3, lowMask));
        long controls = d.controlMask();
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        if (groups == 1) {
            int[] involved = highBits(controls);
            return sp -> forRuns(sp, involved, controls, (starts, runs, count) -> {
                FloatVector c0r = FloatVector.fromArray(S, cr[0], 0), c0i = FloatVector.fromArray(S, ci[0], 0);
                FloatVector c1r = FloatVector.fromArray(S, cr[1], 0), c1i = FloatVector.fromArray(S, ci[1], 0);
                FloatVector c2r = FloatVector.fromArray(S, cr[2], 0), c2i = FloatVector.fromArray(S, ci[2], 0);
                FloatVector c3r = FloatVector.fromArray(S, cr[3], 0), c3i = FloatVector.fromArray(S, ci[3], 0);
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        FloatVector xr = load(re, i), xi = load(im, i);
                        FloatVector nx = xi.neg();
                        FloatVector sr = xr.fma(c0r, nx.mul(c0i));
                        FloatVector si = xi.fma(c0r, xr.mul(c0i));
                        FloatVector yr = xr.rearrange(s1), yi = xi.rearrange(s1), ny = nx.rearrange(s1);
                        sr = yr.fma(c1r, ny.fma(c1i, sr));
                        si = yi.fma(c1r, yr.fma(c1i, si));
                        yr = xr.rearrange(s2);
                        yi = xi.rearrange(s2);
                        ny = nx.rearrange(s2);
                        sr = yr.fma(c2r, ny.fma(c2i, sr));
                        si = yi.fma(c2r, yr.fma(c2i, si));
                        yr = xr.rearrange(s3);
                        yi = xi.rearrange(s3);
                        ny = nx.rearrange(s3);
                        sr = yr.fma(c3r, ny.fma(c3i, sr));
                        si = yi.fma(c3r, yr.fma(c3i, si));
                        store(sr, re, i);
                        store(si, im, i);
                    }
                }
            });
        }
        long offset = 1L << (low0 ? t[1] : t[0]);
        if (controls == 0) {
            // Only the amplitude itself and the one with both targets flipped (rxx, ryy, iswap):
            // rxx 0,20 took 1.6× a Hadamard pass as four terms, 0.93–0.96× as two.
            int first = onlyTerm(cr, ci, 0, 1, 2);
            int second = onlyTerm(cr, ci, 6, 4, 7);
            if (first == 0 && second == 6) {
                return sp -> crossPairs(sp, offset, cr, ci, s1);
            }
            // Other matrices of two terms an output (ecr): 0,20 1.68 → 0.94–0.98, 20,0 1.52 → 0.94–1.0.
            if (first >= 0 && second >= 0) {
                return sp -> twoTermPairs(sp, offset, cr, ci, first, second, s1);
            }
            return sp -> oneLaneTargetPairs(sp, offset, cr, ci, s1);
        }
        int[] involved = highBits(controls | offset);
        return sp -> forRuns(sp, involved, controls, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    FloatVector x0r = load(re, i), x0i = load(im, i);
                    FloatVector x1r = load(re, i + offset), x1i = load(im, i + offset);
                    FloatVector n0 = x0i.neg(), n1 = x1i.neg();
                    FloatVector y0r = x0r.rearrange(s1), y0i = x0i.rearrange(s1), m0 = n0.rearrange(s1);
                    FloatVector y1r = x1r.rearrange(s1), y1i = x1i.rearrange(s1), m1 = n1.rearrange(s1);
                    for (int go = 0; go < 2; go++) {
                        int base = go * 4;
                        FloatVector ar = FloatVector.fromArray(S, cr[base], 0), ai = FloatVector.fromArray(S, ci[base], 0);
                        FloatVector sr = x0r.fma(ar, n0.mul(ai));
                        FloatVector si = x0i.fma(ar, x0r.mul(ai));
                        ar = FloatVector.fromArray(S, cr[base + 1], 0);
                        ai = FloatVector.fromArray(S, ci[base + 1], 0);
                        sr = y0r.fma(ar, m0.fma(ai, sr));
                        si = y0i.fma(ar, y0r.fma(ai, si));
                        ar = FloatVector.fromArray(S, cr[base + 2], 0);
                        ai = FloatVector.fromArray(S, ci[base + 2], 0);
                        sr = x1r.fma(ar, n1.fma(ai, sr));
                        si = x1i.fma(ar, x1r.fma(ai, si));
                        ar = FloatVector.fromArray(S, cr[base + 3], 0);
                        ai = FloatVector.fromArray(S, ci[base + 3], 0);
                        sr = y1r.fma(ar, m1.fma(ai, sr));
                        si = y1i.fma(ar, y1r.fma(ai, si));
                        store(sr, re, i + go * offset);
                        store(si, im, i + go * offset);
                    }
                }
            }
        });
    }

    /**
     * An uncontrolled two-qubit kernel with one target inside the vector: pairs of vectors (the
     * other target 0 and 1) indexed directly, real and imaginary products summed apart (as in
     * {@link FastState}). With that target at 4 or 5 a run is one or two vectors long, and walking
     * runs cost more than the arithmetic. The two outputs are a loop reading their coefficients
     * from L1: written out with all sixteen in registers, the body passed C2's node limit for
     * inlining, its last stores ran boxed and the pass took 2.3–2.8× a Hadamard pass.
     */
    private void oneLaneTargetPairs(Space sp, long offset, float[][] cr, float[][] ci, VectorShuffle<Float> s1) {
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        long below = offset - 1;
        long ahead = pairsReadAhead(offset, sp);
        long end = sp.offset() + sp.size();
        sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
            long base = sp.offset();
            long next = base + Kernel.Bits.insertZero(from * LANES, below) + ahead;
            float touched = 0;
            for (long v = from; v < to; v++) {
                long i = base + Kernel.Bits.insertZero(v * LANES, below);
                if (ahead > 0 && next + LANES < end) {
                    touched += touchLines(next, 2 * LANES);
                    next += 2 * LANES;
                }
                FloatVector x0r = load(re, i), x0i = load(im, i);
                FloatVector x1r = load(re, i + offset), x1i = load(im, i + offset);
                FloatVector y0r = x0r.rearrange(s1), y0i = x0i.rearrange(s1);
                FloatVector y1r = x1r.rearrange(s1), y1i = x1i.rearrange(s1);
                for (int go = 0; go < 2; go++) {
                    int k = 4 * go;
                    FloatVector a0r = FloatVector.fromArray(S, cr[k], 0), a0i = FloatVector.fromArray(S, ci[k], 0);
                    FloatVector a1r = FloatVector.fromArray(S, cr[k + 1], 0), a1i = FloatVector.fromArray(S, ci[k + 1], 0);
                    FloatVector a2r = FloatVector.fromArray(S, cr[k + 2], 0), a2i = FloatVector.fromArray(S, ci[k + 2], 0);
                    FloatVector a3r = FloatVector.fromArray(S, cr[k + 3], 0), a3i = FloatVector.fromArray(S, ci[k + 3], 0);
                    FloatVector rr = y1r.fma(a3r, x1r.fma(a2r, y0r.fma(a1r, x0r.mul(a0r))));
                    FloatVector ii = y1i.fma(a3i, x1i.fma(a2i, y0i.fma(a1i, x0i.mul(a0i))));
                    FloatVector ri = y1i.fma(a3r, x1i.fma(a2r, y0i.fma(a1r, x0i.mul(a0r))));
                    FloatVector ir = y1r.fma(a3i, x1r.fma(a2i, y0r.fma(a1i, x0r.mul(a0i))));
                    store(rr.sub(ii), re, i + go * offset);
                    store(ri.add(ir), im, i + go * offset);
                }
            }
            readAheadSink = touched;
        });
    }

    /**
     * How far the pair kernels with one target in the vector read ahead: as dense1Pairs does, with
     * the other target on 7–9 (26 qubits, against a Hadamard pass: 2,7 2.31–2.37 → 1.83–1.97, 1,8
     * 2.44–2.53 → 1.89–2.04, 2,9 2.09–2.24 → 1.95–2.13); on 5–6 and 10–11 it cost 0.1–0.4.
     */
    private static long pairsReadAhead(long offset, Space sp) {
        return offset >= 128 && offset <= 512 && sp.size() > (1L << CHUNK_QUBITS) ? 2 * offset : 0;
    }

    /** Whether a per-lane coefficient is 0 in every lane. */
    private static boolean zero(float[] re, float[] im) {
        for (int lane = 0; lane < re.length; lane++) {
            if (re[lane] != 0 || im[lane] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #oneLaneTargetPairs} for a matrix whose only entries join each amplitude to itself
     * and to the one with both targets flipped (rxx, ryy, iswap): each output is two terms, not
     * four, so half the FMAs, and its eight coefficient vectors stay in registers.
     */
    private void crossPairs(Space sp, long offset, float[][] cr, float[][] ci, VectorShuffle<Float> s1) {
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        long below = offset - 1;
        long ahead = pairsReadAhead(offset, sp);
        long end = sp.offset() + sp.size();
        sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
            FloatVector a0r = FloatVector.fromArray(S, cr[0], 0), a0i = FloatVector.fromArray(S, ci[0], 0);
            FloatVector a3r = FloatVector.fromArray(S, cr[3], 0), a3i = FloatVector.fromArray(S, ci[3], 0);
            FloatVector b1r = FloatVector.fromArray(S, cr[5], 0), b1i = FloatVector.fromArray(S, ci[5], 0);
            FloatVector b2r = FloatVector.fromArray(S, cr[6], 0), b2i = FloatVector.fromArray(S, ci[6], 0);
            long base = sp.offset();
            long next = base + Kernel.Bits.insertZero(from * LANES, below) + ahead;
            float touched = 0;
            for (long v = from; v < to; v++) {
                long i = base + Kernel.Bits.insertZero(v * LANES, below);
                if (ahead > 0 && next + LANES < end) {
                    touched += touchLines(next, 2 * LANES);
                    next += 2 * LANES;
                }
                FloatVector x0r = load(re, i), x0i = load(im, i);
                FloatVector x1r = load(re, i + offset), x1i = load(im, i + offset);
                FloatVector y0r = x0r.rearrange(s1), y0i = x0i.rearrange(s1);
                FloatVector y1r = x1r.rearrange(s1), y1i = x1i.rearrange(s1);
                store(y1r.fma(a3r, x0r.mul(a0r)).sub(y1i.fma(a3i, x0i.mul(a0i))), re, i);
                store(y1i.fma(a3r, x0i.mul(a0r)).add(y1r.fma(a3i, x0r.mul(a0i))), im, i);
                store(x1r.fma(b2r, y0r.mul(b1r)).sub(x1i.fma(b2i, y0i.mul(b1i))), re, i + offset);
                store(x1i.fma(b2r, y0i.mul(b1r)).add(x1r.fma(b2i, y0r.mul(b1i))), im, i + offset);
            }
            readAheadSink = touched;
        });
    }

    /**
     * Which of the terms given is the one not 0 in every lane: the first given when all are 0,
     * -1 when more than one is not.
     */
    private static int onlyTerm(float[][] cr, float[][] ci, int... terms) {
        int only = terms[0];
        int found = 0;
        for (int term : terms) {
            if (!zero(cr[term], ci[term])) {
                only = term;
                found++;
            }
        }
        return found > 1 ? -1 : only;
    }

    /**
     * {@link #crossPairs} for any matrix with two terms an output: the first output is term
     * {@code first} (0 x0, 1 y0 or 2 x1, in {@link #oneLaneTargetPairs}' names) plus term 3
     * (y1), the second is term {@code second} (6 x1, 4 x0 or 7 y1) plus term 5 (y0). ecr joins
     * an amplitude to the two with its first target flipped: terms 1 and 7, or 2 and 4. The
     * first term is picked by blends with masks fixed for the pass, so one loop serves them all.
     * It does not read ahead, nor take the rxx family from crossPairs: with the blends and the
     * read-ahead the body passes C2's node limit for inlining (ryy 2,9 1.2 → 3.2× a Hadamard
     * pass, its last stores boxed). Without, ecr with the other target on 7–9 takes 1.7–1.8×,
     * where the four-term kernel reading ahead took 2.1–2.3×.
     */
    private void twoTermPairs(Space sp, long offset, float[][] cr, float[][] ci, int first, int second, VectorShuffle<Float> s1) {
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        long below = offset - 1;
        sp.policy().forRange(sp.size() / (2 * LANES), (from, to) -> {
            FloatVector a0r = FloatVector.fromArray(S, cr[first], 0), a0i = FloatVector.fromArray(S, ci[first], 0);
            FloatVector a3r = FloatVector.fromArray(S, cr[3], 0), a3i = FloatVector.fromArray(S, ci[3], 0);
            FloatVector b1r = FloatVector.fromArray(S, cr[5], 0), b1i = FloatVector.fromArray(S, ci[5], 0);
            FloatVector b2r = FloatVector.fromArray(S, cr[second], 0), b2i = FloatVector.fromArray(S, ci[second], 0);
            VectorMask<Float> firstOther = S.maskAll(first == 2), firstShuffled = S.maskAll(first == 1);
            VectorMask<Float> secondOther = S.maskAll(second == 4), secondShuffled = S.maskAll(second == 7);
            long base = sp.offset();
            for (long v = from; v < to; v++) {
                long i = base + Kernel.Bits.insertZero(v * LANES, below);
                FloatVector x0r = load(re, i), x0i = load(im, i);
                FloatVector x1r = load(re, i + offset), x1i = load(im, i + offset);
                FloatVector y0r = x0r.rearrange(s1), y0i = x0i.rearrange(s1);
                FloatVector y1r = x1r.rearrange(s1), y1i = x1i.rearrange(s1);
                FloatVector u0r = x0r.blend(x1r, firstOther).blend(y0r, firstShuffled);
                FloatVector u0i = x0i.blend(x1i, firstOther).blend(y0i, firstShuffled);
                FloatVector u1r = x1r.blend(x0r, secondOther).blend(y1r, secondShuffled);
                FloatVector u1i = x1i.blend(x0i, secondOther).blend(y1i, secondShuffled);
                store(y1r.fma(a3r, u0r.mul(a0r)).sub(y1i.fma(a3i, u0i.mul(a0i))), re, i);
                store(y1i.fma(a3r, u0i.mul(a0r)).add(y1r.fma(a3i, u0r.mul(a0i))), im, i);
                store(u1r.fma(b2r, y0r.mul(b1r)).sub(u1i.fma(b2i, y0i.mul(b1i))), re, i + offset);
                store(u1i.fma(b2r, y0i.mul(b1r)).add(u1r.fma(b2i, y0r.mul(b1i))), im, i + offset);
            }
        });
    }

    /**
     * Any dense kernel: k targets, some of them inside the vector, under any controls. The
     * vectors of one group differ in the targets outside the vector ({@code groups} of them);
     * an output lane needs, from each of them, the lanes reached by flipping the targets inside
     * the vector ({@code patterns} shuffles). So each output vector is a sum of per-lane
     * coefficient vectors times shuffled input vectors; a control inside the vector turns its
     * 0 lanes' coefficients into the identity's. Inputs are re-read from L1 for each output and
     * outputs are staged, as in {@link FastState}'s k-qubit kernel.
     */
    @SuppressWarnings("unchecked")
    private Pass denseLanes(Kernel.Dense d) {
        int[] t = d.targets();
        int k = t.length;
        int dim = 1 << k;
        int lowMask = 0;
        int[] highOf = new int[k];
        int h = 0;
        for (int j = 0; j < k; j++) {
            if (t[j] < LANE_BITS) {
                lowMask |= 1 << t[j];
                highOf[j] = -1;
            } else {
                highOf[j] = h++;
            }
        }
        int groups = 1 << h;
        int patterns = 1 << Integer.bitCount(lowMask);
        long[] groupOffset = new long[groups];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < k; j++) {
                if (highOf[j] >= 0 && ((g >> highOf[j]) & 1) == 1) {
                    groupOffset[g] |= 1L << t[j];
                }
            }
        }
        int laneControls = (int) (d.controlMask() & LANE_MASK);
        VectorShuffle<Float>[] shuffles = new VectorShuffle[patterns];
        for (int p = 0; p < patterns; p++) {
            int flip = depositBits(p, lowMask);
            shuffles[p] = VectorShuffle.fromOp(S, lane -> lane ^ flip);
        }
        // Coefficient of input (group gi, pattern p) in output group go, lane by lane.
        int terms = groups * groups * patterns;
        float[] cr = new float[terms * LANES];
        float[] ci = new float[terms * LANES];
        float[] nci = new float[terms * LANES];
        boolean[] zero = new boolean[terms];
        java.util.Arrays.fill(zero, true);
        for (int lane = 0; lane < LANES; lane++) {
            boolean on = (lane & laneControls) == laneControls;
            for (int p = 0; p < patterns; p++) {
                int src = lane ^ depositBits(p, lowMask);
                for (int go = 0; go < groups; go++) {
                    for (int gi = 0; gi < groups; gi++) {
                        int row = localIndex(t, highOf, lane, go);
                        int col = localIndex(t, highOf, src, gi);
                        double vr = on ? d.re()[dim * row + col] : (go == gi && p == 0 ? 1 : 0);
                        double vi = on ? d.im()[dim * row + col] : 0;
                        int term = (go * groups + gi) * patterns + p;
                        cr[term * LANES + lane] = (float) vr;
                        ci[term * LANES + lane] = (float) vi;
                        nci[term * LANES + lane] = (float) -vi;
                        zero[term] &= vr == 0 && vi == 0;
                    }
                }
            }
        }
        int[] involved = highBits(Kernel.Bits.mask(t) | d.controlMask());
        long fixed = d.controlMask() & ~LANE_MASK;
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        return sp -> forRuns(sp, involved, fixed, () -> {
            float[] outR = new float[groups * LANES];
            float[] outI = new float[groups * LANES];
            return (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        for (int go = 0; go < groups; go++) {
                            FloatVector sr = FloatVector.zero(S);
                            FloatVector si = FloatVector.zero(S);
                            for (int gi = 0; gi < groups; gi++) {
                                int term = (go * groups + gi) * patterns;
                                long src = i + groupOffset[gi];
                                FloatVector xr = load(re, src);
                                FloatVector xi = load(im, src);
                                if (!zero[term]) {
                                    int c = term * LANES;
                                    sr = xr.fma(FloatVector.fromArray(S, cr, c), xi.fma(FloatVector.fromArray(S, nci, c), sr));
                                    si = xi.fma(FloatVector.fromArray(S, cr, c), xr.fma(FloatVector.fromArray(S, ci, c), si));
                                }
                                for (int p = 1; p < patterns; p++) {
                                    if (zero[term + p]) {
                                        continue;
                                    }
                                    int c = (term + p) * LANES;
                                    FloatVector yr = xr.rearrange(shuffles[p]);
                                    FloatVector yi = xi.rearrange(shuffles[p]);
                                    sr = yr.fma(FloatVector.fromArray(S, cr, c), yi.fma(FloatVector.fromArray(S, nci, c), sr));
                                    si = yi.fma(FloatVector.fromArray(S, cr, c), yr.fma(FloatVector.fromArray(S, ci, c), si));
                                }
                            }
                            sr.intoArray(outR, go * LANES);
                            si.intoArray(outI, go * LANES);
                        }
                        for (int go = 0; go < groups; go++) {
                            store(FloatVector.fromArray(S, outR, go * LANES), re, i + groupOffset[go]);
                            store(FloatVector.fromArray(S, outI, go * LANES), im, i + groupOffset[go]);
                        }
                    }
                }
            };
        });
    }

    /** The kernel-local index of a lane: targets inside the vector from the lane's bits, the others from {@code group}. */
    private static int localIndex(int[] targets, int[] highOf, int lane, int group) {
        int local = 0;
        for (int j = 0; j < targets.length; j++) {
            int bit = highOf[j] < 0 ? (lane >> targets[j]) & 1 : (group >> highOf[j]) & 1;
            local |= bit << j;
        }
        return local;
    }

    /**
     * Phases on any targets: for each combination of the targets outside the vector, one vector
     * of per-lane phases (all lanes alike when no target is inside the vector); only the runs
     * whose phases are not all 1 are touched.
     */
    private Pass diagonal(Kernel.Diagonal d) {
        int[] t = d.targets();
        int k = t.length;
        int[] highOf = new int[k];
        int h = 0;
        for (int j = 0; j < k; j++) {
            highOf[j] = t[j] < LANE_BITS ? -1 : h++;
        }
        int combos = 1 << h;
        float[] pr = new float[combos * LANES];
        float[] pi = new float[combos * LANES];
        List<Integer> active = new ArrayList<>();
        long[] fixed = new long[combos];
        for (int c = 0; c < combos; c++) {
            boolean trivial = true;
            for (int lane = 0; lane < LANES; lane++) {
                int local = localIndex(t, highOf, lane, c);
                pr[c * LANES + lane] = (float) d.re()[local];
                pi[c * LANES + lane] = (float) d.im()[local];
                trivial &= d.re()[local] == 1 && d.im()[local] == 0;
            }
            for (int j = 0; j < k; j++) {
                if (highOf[j] >= 0 && ((c >> highOf[j]) & 1) == 1) {
                    fixed[c] |= 1L << t[j];
                }
            }
            if (!trivial) {
                active.add(c);
            }
        }
        int[] involved = highBits(Kernel.Bits.mask(t));
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        int[] which = active.stream().mapToInt(Integer::intValue).toArray();
        // Runs of eight vectors (the lowest target above the vector on 7), half of them or more to change.
        boolean busyEightVectorRuns = involved.length > 0 && involved[0] == LANE_BITS + 3 && 2 * which.length >= combos;
        if (involved.length > 0 && (involved[0] <= LANE_BITS + 2 || which.length == combos || busyEightVectorRuns)) {
            // Every vector, times the phases its target bits pick (as FastState does for runs of
            // one vector), when the runs are one to four vectors or none can be skipped. By runs,
            // on 26 qubits against a Hadamard pass: rz on 5 1.23×, on 9 1.16–1.27×; so, 1.0–1.05×.
            // So too with runs of eight vectors, half of them or more to change: cz 7,3 1.23 →
            // 0.95, crz 7,12 1.43 → 1.0; with fewer, skipping pays (cz 7,12 0.65), as it does
            // from qubit 8 up (cz 9,2 0.74 against 1.05 every vector).
            int[] highTarget = new int[h];
            for (int j = 0; j < k; j++) {
                if (highOf[j] >= 0) {
                    highTarget[highOf[j]] = t[j];
                }
            }
            return sp -> forRuns(sp, new int[0], 0, (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        int c = 0;
                        for (int b = 0; b < highTarget.length; b++) {
                            c |= (int) ((i >>> highTarget[b]) & 1) << b;
                        }
                        FloatVector vr = FloatVector.fromArray(S, pr, c * LANES);
                        FloatVector vi = FloatVector.fromArray(S, pi, c * LANES);
                        FloatVector xr = load(re, i), xi = load(im, i);
                        store(xr.fma(vr, xi.mul(vi.neg())), re, i);
                        store(xi.fma(vr, xr.mul(vi)), im, i);
                    }
                }
            });
        }
        // One sweep: each group's runs, one per combination with a phase other than 1, in address
        // order (as FastState). A sweep per combination took rz on 9 1.65× a Hadamard pass.
        return sp -> forRuns(sp, involved, 0, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (int c : which) {
                    FloatVector vr = FloatVector.fromArray(S, pr, c * LANES);
                    FloatVector vi = FloatVector.fromArray(S, pi, c * LANES);
                    FloatVector nvi = vi.neg();
                    for (long i = starts[run] + fixed[c], end = i + count; i < end; i += LANES) {
                        FloatVector xr = load(re, i), xi = load(im, i);
                        store(xr.fma(vr, xi.mul(nvi)), re, i);
                        store(xi.fma(vr, xr.mul(vi)), im, i);
                    }
                }
            }
        });
    }

    /**
     * Fused diagonal gates on a range of qubits (the QFT's fans of controlled phases): one pass
     * in index order. The table entry of lane l of an aligned vector at i is
     * {@code tableIndex(i) | tableIndex(l)}, so a vector of per-lane phases prepared for each
     * {@code tableIndex(i)} serves every vector with that entry; when no table bit lies inside
     * the vector, one phase per vector, skipped when it is 1.
     */
    private Pass diagonalRange(Kernel.DiagonalRange d) {
        int entries = d.re().length;
        int laneEntryBits = 0;
        for (int lane = 0; lane < LANES; lane++) {
            laneEntryBits |= d.tableIndex(lane);
        }
        int[] row = new int[entries];
        int rows = 0;
        for (int j = 0; j < entries; j++) {
            row[j] = (j & laneEntryBits) == 0 ? rows++ : -1;
        }
        float[] pr = new float[rows * LANES];
        float[] pi = new float[rows * LANES];
        boolean[] trivial = new boolean[rows];
        for (int j = 0; j < entries; j++) {
            if (row[j] < 0) {
                continue;
            }
            trivial[row[j]] = true;
            for (int lane = 0; lane < LANES; lane++) {
                int e = j | d.tableIndex(lane);
                pr[row[j] * LANES + lane] = (float) d.re()[e];
                pi[row[j] * LANES + lane] = (float) d.im()[e];
                trivial[row[j]] &= d.re()[e] == 1 && d.im()[e] == 0;
            }
        }
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        return sp -> forRuns(sp, new int[0], 0, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    int r = row[d.tableIndex(i)];
                    if (trivial[r]) {
                        continue;
                    }
                    FloatVector vr = FloatVector.fromArray(S, pr, r * LANES);
                    FloatVector vi = FloatVector.fromArray(S, pi, r * LANES);
                    FloatVector xr = load(re, i), xi = load(im, i);
                    store(xr.fma(vr, xi.mul(vi.neg())), re, i);
                    store(xi.fma(vr, xr.mul(vi)), im, i);
                }
            }
        });
    }

    /**
     * Exchanges index i ⊕ a… with its partner i ⊕ (a ⊕ b) wherever the controls are 1 (x, cx,
     * ccx, cswap). The partner of a lane lies in the vector reached by the high bits of a ⊕ b,
     * in the lane reached by its low bits (a shuffle); which lanes move follows from the controls
     * and targets inside the vector (a mask), so every placement is one vectorised pass.
     */
    private Pass swap(Kernel.Swap s) {
        long controls = s.controlMask();
        long targets = Kernel.Bits.mask(s.involved()) & ~controls;
        long a = s.a();
        long b = s.b();
        long flip = a ^ b;
        int lowFlip = (int) (flip & LANE_MASK);
        long highFlip = flip & ~LANE_MASK;
        int lowControls = (int) (controls & LANE_MASK);
        int lowTargets = (int) (targets & LANE_MASK);
        boolean[] movesA = new boolean[LANES];
        boolean[] movesB = new boolean[LANES];
        boolean whole = true;
        for (int lane = 0; lane < LANES; lane++) {
            boolean on = (lane & lowControls) == lowControls;
            movesA[lane] = on && (lane & lowTargets) == (a & LANE_MASK);
            movesB[lane] = on && (lane & lowTargets) == (b & LANE_MASK);
            whole &= movesA[lane];
        }
        int[] involved = highBits(controls | targets);
        long fixed = (controls | a) & ~LANE_MASK;
        VectorShuffle<Float> partner = VectorShuffle.fromOp(S, lane -> lane ^ lowFlip);
        VectorMask<Float> maskA = VectorMask.fromArray(S, movesA, 0);
        VectorMask<Float> maskB = VectorMask.fromArray(S, movesB, 0);
        MemorySegment re = this.re;
        MemorySegment im = this.im;
        long highControls = controls & ~LANE_MASK;
        // With the lowest control above the vector on 4–6 the runs are one to four vectors. Walking
        // them, on 26 qubits against a Hadamard pass: cx 4,20 1.21, 5,9 1.82, 6,8 1.31; with the
        // target inside the vector 4,1 1.81, 5,2 2.45, 6,0 1.34. So a target above the vector runs
        // as an X in dense1's pairs (0.88–1.04), and one inside sweeps every vector (0.93–0.99),
        // choosing its input where the controls are not all 1. So does a target above the vector
        // under controls inside it only, which dense1 takes with per-lane coefficients and its
        // read-ahead: cx 2,8 1.68 → 1.07, 0,9 1.48 → 1.22, 3,10 1.40 → 1.21, ccx 0,1,8 1.76 → 1.11.
        // A target on 4–7 under a lowest control on 7–11 has short runs too (shortControlledRuns).
        boolean shortRuns = highControls != 0 && shortControlledRuns(b, highControls);
        boolean laneControlsOnly = highControls == 0 && lowControls != 0;
        if (a == 0 && targets == b && b >= LANES && (shortRuns || laneControlsOnly)) {
            return dense1(Kernels.controlledX(Long.numberOfTrailingZeros(b), controls));
        }
        if (highFlip == 0 && involved.length > 0 && involved[0] <= LANE_BITS + 2) {
            VectorMask<Float> moves = maskA.or(maskB);
            long highInvolved = Kernel.Bits.mask(involved);
            return sp -> forRuns(sp, new int[0], 0, (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        FloatVector xr = load(re, i), xi = load(im, i);
                        FloatVector yr = xr.blend(xr.rearrange(partner), moves), yi = xi.blend(xi.rearrange(partner), moves);
                        if ((i & highInvolved) != fixed) {
                            yr = xr;
                            yi = xi;
                        }
                        store(yr, re, i);
                        store(yi, im, i);
                    }
                }
            });
        }
        if (highFlip == 0) {
            VectorMask<Float> moves = maskA.or(maskB);
            return sp -> forRuns(sp, involved, fixed, (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        FloatVector xr = load(re, i), xi = load(im, i);
                        store(xr.blend(xr.rearrange(partner), moves), re, i);
                        store(xi.blend(xi.rearrange(partner), moves), im, i);
                    }
                }
            });
        }
        if (whole && lowFlip == 0) {
            return sp -> forRuns(sp, involved, fixed, (starts, runs, count) -> {
                for (int run = 0; run < runs; run++) {
                    for (long i = starts[run], end = i + count; i < end; i += LANES) {
                        long j = i ^ highFlip;
                        FloatVector xr = load(re, i), xi = load(im, i);
                        store(load(re, j), re, i);
                        store(load(im, j), im, i);
                        store(xr, re, j);
                        store(xi, im, j);
                    }
                }
            });
        }
        return sp -> forRuns(sp, involved, fixed, (starts, runs, count) -> {
            for (int run = 0; run < runs; run++) {
                for (long i = starts[run], end = i + count; i < end; i += LANES) {
                    long j = i ^ highFlip;
                    FloatVector xr = load(re, i), xi = load(im, i);
                    FloatVector yr = load(re, j), yi = load(im, j);
                    store(xr.blend(yr.rearrange(partner), maskA), re, i);
                    store(xi.blend(yi.rearrange(partner), maskA), im, i);
                    store(yr.blend(xr.rearrange(partner), maskB), re, j);
                    store(yi.blend(xi.rearrange(partner), maskB), im, j);
                }
            }
        });
    }

    /** Any kernel, one amplitude at a time: for states smaller than one vector. */
    private void scalar(Kernel kernel, Space sp) {
        switch (kernel) {
            case Kernel.Dense d -> {
                int[] t = d.targets();
                int dim = 1 << t.length;
                long[] off = new long[dim];
                for (int local = 0; local < dim; local++) {
                    for (int j = 0; j < t.length; j++) {
                        off[local] |= ((long) (local >> j) & 1) << t[j];
                    }
                }
                int[] involved = d.involved();
                double[] xr = new double[dim];
                double[] xi = new double[dim];
                for (long c = 0; c < sp.size() >> involved.length; c++) {
                    long base = sp.offset() | Kernel.Bits.deposit(c, involved) | d.controlMask();
                    for (int col = 0; col < dim; col++) {
                        xr[col] = re.getAtIndex(F, base + off[col]);
                        xi[col] = im.getAtIndex(F, base + off[col]);
                    }
                    for (int r = 0; r < dim; r++) {
                        double sr = 0;
                        double si = 0;
                        for (int col = 0; col < dim; col++) {
                            double mr = d.re()[dim * r + col];
                            double mi = d.im()[dim * r + col];
                            sr += mr * xr[col] - mi * xi[col];
                            si += mr * xi[col] + mi * xr[col];
                        }
                        re.setAtIndex(F, base + off[r], (float) sr);
                        im.setAtIndex(F, base + off[r], (float) si);
                    }
                }
            }
            case Kernel.Diagonal d -> {
                for (long i = sp.offset(); i < sp.offset() + sp.size(); i++) {
                    int local = 0;
                    for (int j = 0; j < d.targets().length; j++) {
                        local |= (int) ((i >>> d.targets()[j]) & 1) << j;
                    }
                    multiply(i, d.re()[local], d.im()[local]);
                }
            }
            case Kernel.DiagonalRange d -> {
                for (long i = sp.offset(); i < sp.offset() + sp.size(); i++) {
                    multiply(i, d.re()[d.tableIndex(i)], d.im()[d.tableIndex(i)]);
                }
            }
            case Kernel.Swap s -> {
                int[] involved = s.involved();
                for (long c = 0; c < sp.size() >> involved.length; c++) {
                    long base = sp.offset() | Kernel.Bits.deposit(c, involved) | s.controlMask();
                    long i = base + s.a();
                    long j = base + s.b();
                    float tr = re.getAtIndex(F, i);
                    float ti = im.getAtIndex(F, i);
                    re.setAtIndex(F, i, re.getAtIndex(F, j));
                    im.setAtIndex(F, i, im.getAtIndex(F, j));
                    re.setAtIndex(F, j, tr);
                    im.setAtIndex(F, j, ti);
                }
            }
            case Kernel.TraceMix t -> throw unsupported(t);
        }
    }

    /** Trace mixes belong to density matrices, which are held in double precision only. */
    private static UnsupportedOperationException unsupported(Kernel.TraceMix t) {
        return new UnsupportedOperationException("single precision holds state vectors, not density matrices (" + t + ")");
    }

    private void multiply(long i, double pr, double pi) {
        double xr = re.getAtIndex(F, i);
        double xi = im.getAtIndex(F, i);
        re.setAtIndex(F, i, (float) (xr * pr - xi * pi));
        im.setAtIndex(F, i, (float) (xi * pr + xr * pi));
    }
}
