package io.qubench.sim.density;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.DenseSampling;
import io.qubench.sim.PauliString;
import io.qubench.sim.QuantumState;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.statevector.FastState;
import io.qubench.sim.statevector.ParallelPolicy;
import io.qubench.sim.statevector.Warmup;

/**
 * A density matrix ρ held as a 2n-qubit vector: entry ρ[r][c] at index r + 2^n·c (row bits
 * low, column bits high). A gate U is U on the row qubits and conj(U) on the column qubits; a
 * channel is one pass of its superoperator on (q, q + n) — never Σ K ρ K† with copies — or,
 * when it is depolarizing, a factor kept apart ({@code scale}) and a mix of diagonal entries.
 */
final class DensityState implements QuantumState {

    private final int n;
    private final FastState rho;
    private final NoiseModel noise;

    DensityState(int n, NoiseModel noise, ParallelPolicy policy) {
        this.n = n;
        this.noise = noise;
        // Fusion stays off: the row and column halves of a gate are applied as separate passes.
        this.rho = new FastState(2 * n, policy, 0);
    }

    private DensityState(DensityState other) {
        this.n = other.n;
        this.noise = other.noise;
        this.rho = other.rho.copy();
        this.scale = other.scale;
    }

    @Override
    public int qubits() {
        return n;
    }

    /**
     * All the gates and their channels go to the state as one list of steps, so that its cache
     * blocking applies many of them per sweep over memory.
     * <ul>
     * <li>A one-qubit gate and the channel right after it on its qubit are one 4×4 superoperator
     * on (q, q + n), unless the gate is diagonal (rz, t…) and the channel depolarizing: then the
     * gate stays a diagonal and the channel is kept apart as below.
     * <li>A wider gate is U on the rows and conj(U) on the columns: a 16×16 superoperator would
     * cost more arithmetic than the two.
     * <li>A depolarizing channel λρ + μ·tr_S(ρ)⊗I puts its factor λ into {@link #scale} and
     * leaves a trace mix of the diagonal entries over its qubits (1/2^k of them); a two-qubit
     * one cost 28 complex terms per 16 entries as a superoperator. Other channels are one pass
     * of their superoperator each.
     * </ul>
     */
    @Override
    public void applyGates(List<GateOperation> gates) {
        List<Batch> ready = gates.equals(preparedGates) ? preparedBatches : null;
        preparedGates = null;
        preparedBatches = null;
        for (Batch batch : ready != null ? ready : batches(n, noise, gates)) {
            ShotRunner.checkCancelled();
            rho.applySteps(batch.steps());
            scale *= batch.factor();
            if (scale < RESCALE_BELOW) {
                rho.scale(scale);
                scale = 1;
            }
        }
    }

    /** Batches the run already built (for its warm-up), used by the first {@link #applyGates} of the same gates. */
    private List<GateOperation> preparedGates;
    private List<Batch> preparedBatches;

    /** Lets the first {@link #applyGates} of {@code gates} apply {@code batches} (their {@link #batches}) instead of building them again. */
    void prepare(List<GateOperation> gates, List<Batch> batches) {
        preparedGates = gates;
        preparedBatches = batches;
    }

    /**
     * The warm-up of the kernels these batches (of {@link #batches}) run as on an n-qubit density
     * matrix, started in the background, or {@link Warmup#NONE} when it would not pay.
     */
    static Warmup warmupFor(int n, List<Batch> batches) {
        List<FastState.Step> steps = batches.stream().flatMap(b -> b.steps().stream()).toList();
        if (!Warmup.pays(2 * n, steps.size())) {
            return Warmup.NONE;
        }
        Warmup warmup = FastState.warmupForSteps(2 * n, steps);
        warmup.startInBackground();
        return warmup;
    }

    /** Steps on the vectorised ρ, and the factor λ they take out of it (see {@link #scale}). */
    record Batch(List<FastState.Step> steps, double factor) {
    }

    /**
     * All the gates and their channels as steps, in as few batches as underflow allows (each is
     * one list to the state, so that its cache blocking applies many steps per sweep).
     * <ul>
     * <li>A one-qubit gate and the channel right after it on its qubit are one 4×4 superoperator
     * on (q, q + n), unless the gate is diagonal (rz, t…) and the channel depolarizing: then the
     * gate stays a diagonal and the channel is kept apart as below.
     * <li>A wider gate is U on the rows and conj(U) on the columns: a 16×16 superoperator would
     * cost more arithmetic than the two.
     * <li>A depolarizing channel λρ + μ·tr_S(ρ)⊗I puts its factor λ into the batch's factor and
     * leaves a trace mix of the diagonal entries over its qubits (1/2^k of them); a two-qubit
     * one cost 28 complex terms per 16 entries as a superoperator. Other channels are one pass
     * of their superoperator each.
     * </ul>
     */
    static List<Batch> batches(int n, NoiseModel noise, List<GateOperation> gates) {
        List<Batch> batches = new ArrayList<>();
        List<FastState.Step> steps = new ArrayList<>();
        double factor = 1;
        for (GateOperation g : gates) {
            int[] rows = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            Matrix u = Gates.matrix(g.gate(), g.paramValues(Map.of()));
            List<NoiseModel.Applied> channels = noise.after(g);
            Matrix gate = rows.length == 1 ? unitarySuperoperator(u) : null;
            List<FastState.Step> after = new ArrayList<>();
            for (int i = 0; i < channels.size(); i++) {
                NoiseModel.Applied a = channels.get(i);
                Matrix superoperator = a.channel().superoperator();
                double[] lambdaMu = depolarizing(superoperator);
                if (i == 0 && gate != null && a.qubits().equals(g.qubits()) && !(lambdaMu != null && u.isDiagonal())) {
                    gate = superoperator.multiply(gate);
                    continue;
                }
                int[] q = a.qubits().stream().mapToInt(Integer::intValue).toArray();
                if (lambdaMu != null) {
                    factor *= lambdaMu[0];
                    after.add(new FastState.Mix(q, columns(n, q), lambdaMu[1] / lambdaMu[0]));
                } else {
                    after.add(new FastState.Targeted(superoperator, rowsAndColumns(n, q)));
                }
            }
            if (gate != null) {
                append(steps, new FastState.Targeted(gate, rowsAndColumns(n, rows)));
            } else {
                append(steps, new FastState.Targeted(u, rows));
                append(steps, new FastState.Targeted(conjugate(u), columns(n, rows)));
            }
            for (FastState.Step step : after) {
                append(steps, step);
            }
            if (factor < RESCALE_BELOW) {
                batches.add(new Batch(steps, factor));
                steps = new ArrayList<>();
                factor = 1;
            }
        }
        batches.add(new Batch(steps, factor));
        return batches;
    }

    /**
     * Adds a step, merged into an earlier one on the same targets when only steps on other
     * qubits lie between (they commute with it): two one-qubit gates in a row on a qubit, with
     * their channels, are one superoperator pass instead of two.
     */
    private static void append(List<FastState.Step> steps, FastState.Step step) {
        if (step instanceof FastState.Targeted t) {
            long touched = qubits(t);
            for (int k = steps.size() - 1; k >= 0; k--) {
                FastState.Step earlier = steps.get(k);
                if (earlier instanceof FastState.Targeted e && java.util.Arrays.equals(e.targets(), t.targets())) {
                    steps.set(k, new FastState.Targeted(t.matrix().multiply(e.matrix()), t.targets()));
                    return;
                }
                if ((qubits(earlier) & touched) != 0) {
                    break;
                }
            }
        }
        steps.add(step);
    }

    /** The qubits of the vectorised ρ a step touches, as a bit mask. */
    private static long qubits(FastState.Step step) {
        long mask = 0;
        int[][] parts = switch (step) {
            case FastState.Targeted t -> new int[][] {t.targets()};
            case FastState.Mix m -> new int[][] {m.rows(), m.columns()};
        };
        for (int[] part : parts) {
            for (int q : part) {
                mask |= 1L << q;
            }
        }
        return mask;
    }

    /** The stored matrix is ρ / scale: channels' factors λ multiply in here instead of into every entry. */
    private double scale = 1;
    /** Far from underflow, the factor is taken into the entries (one pass) and starts again at 1. */
    private static final double RESCALE_BELOW = 1e-100;

    /**
     * {λ, μ} when the superoperator S (on vec index r + d·c) is λ·I + μ·T with T the map
     * ρ ↦ tr(ρ)·I (a depolarizing channel, (1 − p)ρ + p·I/d: λ = 1 − p, μ = p/d), else null;
     * also null when λ is too small for dividing by it to stay accurate.
     */
    static double[] depolarizing(Matrix s) {
        int d = (int) Math.round(Math.sqrt(s.dimension()));
        if (d < 2) {
            return null;
        }
        double lambda = s.re(d, d);
        double mu = s.re(0, d + 1);
        if (!(lambda >= MIN_DEPOLARIZING_LAMBDA)) {
            return null;
        }
        for (int i = 0; i < s.dimension(); i++) {
            boolean iDiagonal = i % d == i / d;
            for (int j = 0; j < s.dimension(); j++) {
                boolean jDiagonal = j % d == j / d;
                double expected = (i == j ? lambda : 0) + (iDiagonal && jDiagonal ? mu : 0);
                if (Math.abs(s.re(i, j) - expected) > 1e-12 || Math.abs(s.im(i, j)) > 1e-12) {
                    return null;
                }
            }
        }
        return new double[] {lambda, mu};
    }

    /** Below this λ (p near its maximum) the channel goes through its superoperator instead. */
    private static final double MIN_DEPOLARIZING_LAMBDA = 0.25;

    /** Targets of a superoperator: the qubits as rows, then as columns. */
    private static int[] rowsAndColumns(int n, int[] q) {
        int[] targets = new int[2 * q.length];
        for (int j = 0; j < q.length; j++) {
            targets[j] = q[j];
            targets[q.length + j] = q[j] + n;
        }
        return targets;
    }

    /** U ⊗ conj(U) on vec index r + d·c: U on the row bits, conj(U) on the column bits. */
    private static Matrix unitarySuperoperator(Matrix u) {
        return u.tensorBelow(conjugate(u));
    }

    private static int[] columns(int n, int[] rows) {
        int[] c = new int[rows.length];
        for (int j = 0; j < rows.length; j++) {
            c[j] = rows[j] + n;
        }
        return c;
    }

    private static Matrix conjugate(Matrix u) {
        double[] d = u.toArray();
        for (int k = 1; k < d.length; k += 2) {
            d[k] = -d[k];
        }
        return Matrix.of(u.dimension(), d);
    }

    /** ρ[i][i]. */
    double probability(long basis) {
        return scale * rho.re(basis + (basis << n));
    }

    double trace() {
        double t = 0;
        for (long i = 0; i < 1L << n; i++) {
            t += probability(i);
        }
        return t;
    }

    /**
     * Tr(ρP) = Σ_c ρ[c][c⊕x] · ⟨c⊕x|P|c⟩, with P = i^y·X^x·Z^z so that ⟨c⊕x|P|c⟩ = i^y·(−1)^|c∧z|:
     * one entry per row, without copying ρ. Readout errors are not in it: they act on reported bits.
     */
    double expectation(PauliString pauli) {
        if (pauli.qubits() > n) {
            throw new SimulationException("Pauli string '" + pauli + "' has " + pauli.qubits() + " letters for a " + n
                    + "-qubit density matrix");
        }
        long x = pauli.xMask();
        long z = pauli.zMask();
        double sr = 0;
        double si = 0;
        for (long c = 0; c < 1L << n; c++) {
            long index = c + ((c ^ x) << n);
            double sign = (Long.bitCount(c & z) & 1) == 1 ? -1 : 1;
            sr += sign * rho.re(index);
            si += sign * rho.im(index);
        }
        // Times i^y; the result is real for a Hermitian P.
        double value = switch (pauli.yCount() & 3) {
            case 0 -> sr;
            case 1 -> -si;
            case 2 -> -sr;
            default -> si;
        };
        return scale * value;
    }

    /** ρ[r][c] as {re, im}, for tests. */
    double[] entry(long r, long c) {
        long index = r + (c << n);
        return new double[] {scale * rho.re(index), scale * rho.im(index)};
    }

    @Override
    public boolean measure(int qubit, RandomGenerator random) {
        double p1 = 0;
        for (long i = 0; i < 1L << n; i++) {
            if ((i >> qubit & 1) == 1) {
                p1 += probability(i);
            }
        }
        boolean one = random.nextDouble() < p1;
        long mask = (1L << qubit) | (1L << (qubit + n));
        rho.keepWhere(mask, one ? mask : 0, scale / (one ? p1 : 1 - p1));
        scale = 1;
        return noise.readout(qubit).map(e -> e.read(one, random)).orElse(one);
    }

    @Override
    public DensityState copy() {
        return new DensityState(this);
    }

    @Override
    public List<BitSet> sample(int shots, RandomGenerator random) {
        List<BitSet> outcomes = DenseSampling.sample(n, (from, to, consumer) -> {
            for (long i = from; i < to; i++) {
                consumer.accept(i, Math.max(0, probability(i)));
            }
        }, shots, random);
        if (!noise.isIdeal()) {
            for (BitSet b : outcomes) {
                for (int q = 0; q < n; q++) {
                    int qubit = q;
                    boolean actual = b.get(q);
                    noise.readout(q).ifPresent(e -> b.set(qubit, e.read(actual, random)));
                }
            }
        }
        return outcomes;
    }

    @Override
    public double[] amplitudes() {
        throw new SimulationException("the density-matrix engine has no state vector (its state can be mixed); "
                + "use the statevector engine, or read the probabilities");
    }
}
