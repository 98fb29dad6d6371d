package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.PauliString;
import io.qubench.sim.ReferenceSimulatorProperties;

/**
 * The single-precision state against the double engine and against the definition of each
 * kernel, on every placement of targets and controls: inside one SIMD vector (qubits 0–3 with
 * AVX-512), outside it, and mixed; on states smaller than a vector, of one vector, and larger
 * than a cache chunk.
 */
class SingleStateTest {

    private static final double TOLERANCE = 1e-5;
    private static final ParallelPolicy PARALLEL = ParallelPolicy.allCores(16);

    private static List<GateOperation> gates(Circuit c) {
        return c.operations().stream().map(o -> (GateOperation) o).toList();
    }

    /** Rotations on every qubit, so that no amplitude is zero. */
    private static CircuitBuilder spread(int n) {
        CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 0; q < n; q++) {
            b.gate(StandardGate.RY, new double[] {0.2 + 0.3 * q}, q).gate(StandardGate.RZ, new double[] {0.1 * q - 0.4}, q);
        }
        return b;
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, component %d", what, i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static double[] single(Circuit c, ParallelPolicy policy, int fusion) {
        try (SingleState s = new SingleState(c.numQubits(), policy, fusion)) {
            s.applyGates(gates(c));
            return s.amplitudes();
        }
    }

    private static double[] fast(Circuit c) {
        FastState s = new FastState(c.numQubits(), ParallelPolicy.SEQUENTIAL, 0);
        s.applyGates(gates(c));
        return s.amplitudes();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5})
    void everyGateOnEveryPlacementMatchesTheDoubleEngine(int fusion) {
        int n = 7;
        for (StandardGate g : StandardGate.values()) {
            double[] params = new double[g.numParams()];
            for (int p = 0; p < params.length; p++) {
                params[p] = 0.7 - 0.45 * p;
            }
            for (int[] targets : placements(n, g.numQubits())) {
                Circuit c = spread(n).gate(g, params, targets).gate(StandardGate.H, new int[] {targets[0]}).build();
                assertClose(single(c, PARALLEL, fusion), fast(c), g + " on " + java.util.Arrays.toString(targets));
            }
        }
    }

    /** Every ordered choice of {@code k} distinct qubits of {@code n}. */
    private static List<int[]> placements(int n, int k) {
        List<int[]> out = new ArrayList<>();
        if (k == 0) {
            out.add(new int[0]);
            return out;
        }
        for (int[] rest : placements(n, k - 1)) {
            for (int q = 0; q < n; q++) {
                final int qq = q;
                if (java.util.Arrays.stream(rest).noneMatch(r -> r == qq)) {
                    int[] p = java.util.Arrays.copyOf(rest, k);
                    p[k - 1] = q;
                    out.add(p);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 8, 12, 16, 17})
    void randomCircuitsMatchTheDoubleEngineOnStatesOfEverySize(int n) {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(40 + n, n, n >= 16 ? 160 : 120);
        double[] expected = fast(c);
        assertClose(single(c, PARALLEL, 3), expected, "fused, all cores, " + n + " qubits");
        assertClose(single(c, ParallelPolicy.SEQUENTIAL, 0), expected, "unfused, one thread, " + n + " qubits");
    }

    /**
     * Stages skip the pieces where a qubit still in |0⟩ is 1 (the state is larger than a piece
     * here): circuits that take their qubits out of |0⟩ one at a time still match.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void circuitsThatLeaveQubitsInTheirGroundStateForAWhileMatchTheDoubleEngine(int seed) {
        Circuit c = GroundLadder.circuit(seed, SingleState.CHUNK_QUBITS + 3);
        double[] expected = fast(c);
        assertClose(single(c, PARALLEL, 3), expected, "fused, all cores, seed " + seed);
        assertClose(single(c, ParallelPolicy.SEQUENTIAL, 0), expected, "unfused, one thread, seed " + seed);
    }

    // ------------------------------------------------------------------ kernels against their definitions

    /** A random state whose qubits are not relabelled (no SWAP), since kernels address physical qubits. */
    private static SingleState randomState(int n, ParallelPolicy policy) {
        SingleState s = new SingleState(n, policy, 0);
        s.applyGates(gates(ReferenceSimulatorProperties.randomCircuit(99, n, 10 * n)).stream()
                .filter(g -> g.gate() != StandardGate.SWAP).toList());
        return s;
    }

    private static void assertKernelFollowsItsDefinition(int n, Kernel k, String what) {
        for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, PARALLEL)) {
            try (SingleState s = randomState(n, policy)) {
                double[] expected = definition(k, s.amplitudes(), n);
                s.apply(k);
                assertClose(s.amplitudes(), expected, what);
            }
        }
    }

    /** What each kernel means (Kernel's documentation), one amplitude at a time, in double. */
    private static double[] definition(Kernel kernel, double[] amps, int n) {
        double[] out = amps.clone();
        int size = 1 << n;
        switch (kernel) {
            case Kernel.Dense d -> {
                int[] t = d.targets();
                int dim = 1 << t.length;
                long involved = d.controlMask();
                for (int q : t) {
                    involved |= 1L << q;
                }
                for (int base = 0; base < size; base++) {
                    if ((base & involved) != d.controlMask()) {
                        continue;
                    }
                    int[] at = new int[dim];
                    for (int local = 0; local < dim; local++) {
                        at[local] = base;
                        for (int j = 0; j < t.length; j++) {
                            at[local] |= ((local >> j) & 1) << t[j];
                        }
                    }
                    for (int r = 0; r < dim; r++) {
                        double sr = 0;
                        double si = 0;
                        for (int c = 0; c < dim; c++) {
                            double mr = d.re()[dim * r + c];
                            double mi = d.im()[dim * r + c];
                            sr += mr * amps[2 * at[c]] - mi * amps[2 * at[c] + 1];
                            si += mr * amps[2 * at[c] + 1] + mi * amps[2 * at[c]];
                        }
                        out[2 * at[r]] = sr;
                        out[2 * at[r] + 1] = si;
                    }
                }
            }
            case Kernel.Diagonal d -> {
                for (int i = 0; i < size; i++) {
                    int local = 0;
                    for (int j = 0; j < d.targets().length; j++) {
                        local |= ((i >> d.targets()[j]) & 1) << j;
                    }
                    phase(out, amps, i, d.re()[local], d.im()[local]);
                }
            }
            case Kernel.DiagonalRange d -> {
                for (int i = 0; i < size; i++) {
                    phase(out, amps, i, d.re()[d.tableIndex(i)], d.im()[d.tableIndex(i)]);
                }
            }
            case Kernel.Swap s -> {
                long involved = 0;
                for (int q : s.involved()) {
                    involved |= 1L << q;
                }
                for (int base = 0; base < size; base++) {
                    if ((base & involved) == s.controlMask()) {
                        int a = (int) (base + s.a());
                        int b = (int) (base + s.b());
                        out[2 * a] = amps[2 * b];
                        out[2 * a + 1] = amps[2 * b + 1];
                        out[2 * b] = amps[2 * a];
                        out[2 * b + 1] = amps[2 * a + 1];
                    }
                }
            }
            case Kernel.TraceMix t -> throw new AssertionError("single precision has no density matrices: " + t);
        }
        return out;
    }

    private static void phase(double[] out, double[] amps, int i, double pr, double pi) {
        out[2 * i] = amps[2 * i] * pr - amps[2 * i + 1] * pi;
        out[2 * i + 1] = amps[2 * i + 1] * pr + amps[2 * i] * pi;
    }

    private static double[] gaussian(Random r, int count, double scale) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return v;
    }

    /** {@code k} random distinct qubits in random order, and a random control mask on others. */
    private static int[] randomTargets(Random r, int n, int k) {
        List<Integer> pool = new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(pool, r);
        return pool.subList(0, k).stream().mapToInt(Integer::intValue).toArray();
    }

    private static long randomControls(Random r, int n, int[] targets, int maxControls) {
        long mask = 0;
        int wanted = r.nextInt(maxControls + 1);
        for (int tries = 0; tries < 20 && Long.bitCount(mask) < wanted; tries++) {
            int q = r.nextInt(n);
            final int qq = q;
            if (java.util.Arrays.stream(targets).noneMatch(t -> t == qq)) {
                mask |= 1L << q;
            }
        }
        return mask;
    }

    @Test
    void denseKernelsUnderControlsFollowTheirDefinitionOnEveryPairOfQubits() {
        int n = 7;
        Random r = new Random(1);
        for (int[] t : placements(n, 1)) {
            for (int c = -1; c < n; c++) {
                if (c == t[0]) {
                    continue;
                }
                long mask = c < 0 ? 0 : 1L << c;
                Kernel k = new Kernel.Dense(t, mask, gaussian(r, 4, 0.7), gaussian(r, 4, 0.7));
                assertKernelFollowsItsDefinition(n, k, "1 target " + t[0] + ", control " + c);
                // A second control: both inside the vector, both outside, or one of each.
                for (int c2 = c + 1; c >= 0 && c2 < n; c2++) {
                    if (c2 != t[0]) {
                        Kernel k2 = new Kernel.Dense(t, mask | 1L << c2, gaussian(r, 4, 0.7), gaussian(r, 4, 0.7));
                        assertKernelFollowsItsDefinition(n, k2, "1 target " + t[0] + ", controls " + c + "," + c2);
                    }
                }
            }
        }
        for (int[] t : placements(n, 2)) {
            // Uncontrolled too on every pair: with one target inside the vector that is a kernel of its own.
            for (long mask : new long[] {0, randomControls(r, n, t, 2)}) {
                Kernel k = new Kernel.Dense(t, mask, gaussian(r, 16, 0.5), gaussian(r, 16, 0.5));
                assertKernelFollowsItsDefinition(n, k, "targets " + t[0] + "," + t[1] + ", controls " + Long.toBinaryString(mask));
            }
        }
    }

    /**
     * On a state larger than a chunk, where a pass streams over memory: one-qubit kernels with the
     * lowest control above the vector on 4–6 sweep every pair (skipping those whose controls are
     * 0 where the target reads ahead, on 7–10, else writing them back), and cx, ccx, diagonals and
     * uncontrolled gates on low and middle qubits take their own direct paths.
     */
    @Test
    void kernelsOnAStateLargerThanAChunkFollowTheirDefinition() {
        int n = SingleState.CHUNK_QUBITS + 1;
        Random r = new Random(3);
        int[][] controlled = {{4, 8}, {5, 9}, {6, 14}, {4, 16}, {6, 5}, {4, 12, 1}, {5, 7, 13}, {7, 4}, {8, 5}, {11, 7}, {9, 6, 15}};
        for (int[] c : controlled) {
            long mask = 1L << c[0] | (c.length > 2 ? 1L << c[2] : 0);
            Kernel k = new Kernel.Dense(new int[] {c[1]}, mask, gaussian(r, 4, 0.7), gaussian(r, 4, 0.7));
            assertKernelFollowsItsDefinition(n, k, "1 target " + c[1] + ", controls " + Long.toBinaryString(mask));
            Kernel x = c.length > 2 ? Kernels.special(StandardGate.CCX, new double[0], new int[] {c[0], c[2], c[1]})
                    : Kernels.special(StandardGate.CX, new double[0], new int[] {c[0], c[1]});
            assertKernelFollowsItsDefinition(n, x, "cx/ccx " + java.util.Arrays.toString(c));
        }
        for (int t : new int[] {4, 7, 9, 10, 16}) {
            assertKernelFollowsItsDefinition(n, new Kernel.Dense(new int[] {t}, 0, gaussian(r, 4, 0.7), gaussian(r, 4, 0.7)), "1 target " + t);
            assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.RZ, new double[] {0.9}, new int[] {t}), "rz " + t);
            assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CX, new double[0], new int[] {t, 2}), "cx " + t + ",2");
            // Controls inside the vector only: an X through dense1's per-lane coefficients.
            assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CX, new double[0], new int[] {2, t}), "cx 2," + t);
            assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CCX, new double[0], new int[] {0, 3, t}), "ccx 0,3," + t);
            assertKernelFollowsItsDefinition(n, new Kernel.Dense(new int[] {1, t}, 0, gaussian(r, 16, 0.5), gaussian(r, 16, 0.5)), "targets 1," + t);
        }
        // A target inside the vector under controls on 4–7 (every vector swept) or higher.
        for (long controls : new long[] {1L << 4, 1L << 7 | 1L << 12, 1L << 9}) {
            Kernel k = new Kernel.Dense(new int[] {2}, controls, gaussian(r, 4, 0.7), gaussian(r, 4, 0.7));
            assertKernelFollowsItsDefinition(n, k, "1 target 2, controls " + Long.toBinaryString(controls));
        }
        // Diagonals whose lowest target above the vector is 7: every vector when half the runs change or more.
        assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CZ, new double[0], new int[] {7, 3}), "cz 7,3");
        assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CRZ, new double[] {0.9}, new int[] {7, 12}), "crz 7,12");
        assertKernelFollowsItsDefinition(n, Kernels.special(StandardGate.CP, new double[] {0.9}, new int[] {12, 7}), "cp 12,7");
        // rxx and iswap with one target inside the vector: two terms an output, read ahead with the other on 7–9.
        for (int[] t : new int[][] {{1, 8}, {16, 2}, {0, 5}}) {
            assertKernelFollowsItsDefinition(n, Kernels.dense(StandardGate.RXX.matrix(0.7), t), "rxx " + t[0] + "," + t[1]);
            assertKernelFollowsItsDefinition(n, Kernels.dense(StandardGate.ISWAP.matrix(), t), "iswap " + t[0] + "," + t[1]);
        }
        // Both targets above the vector with short runs between them: the groups read the next block ahead.
        for (int[] t : new int[][] {{5, 8}, {10, 6}, {7, 9}, {9, 11}, {5, 16}}) {
            assertKernelFollowsItsDefinition(n, new Kernel.Dense(t, 0, gaussian(r, 16, 0.5), gaussian(r, 16, 0.5)), "targets " + t[0] + "," + t[1]);
        }
    }

    /**
     * Two-qubit matrices whose row r has entries only in columns r ^ 3 and r ^ flip (flip 1 as
     * ecr, 2, or 0 as rxx), with random coefficients, one target inside the vector and the
     * other below, at or above the chunk's read-ahead range: the two-term pair kernels.
     */
    @Test
    void twoTermMatricesWithATargetInsideTheVectorFollowTheirDefinition() {
        Random r = new Random(11);
        for (int flip : new int[] {0, 1, 2}) {
            double[] re = new double[16];
            double[] im = new double[16];
            for (int row = 0; row < 4; row++) {
                for (int col : new int[] {row ^ 3, row ^ flip}) {
                    re[4 * row + col] = r.nextGaussian() * 0.5;
                    im[4 * row + col] = r.nextGaussian() * 0.5;
                }
            }
            for (int[] t : new int[][] {{0, 6}, {6, 0}, {2, 9}, {9, 3}, {1, 12}, {12, 1}}) {
                int n = t[0] == 9 || t[1] == 9 ? SingleState.CHUNK_QUBITS + 1 : 13;
                assertKernelFollowsItsDefinition(n, new Kernel.Dense(t, 0, re, im), "flip " + flip + " on " + t[0] + "," + t[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 7, 9})
    void randomKernelsOfEveryKindFollowTheirDefinition(int n) {
        Random r = new Random(n);
        for (int round = 0; round < 60; round++) {
            int k = 1 + r.nextInt(Math.min(n, 4));
            int[] t = randomTargets(r, n, k);
            int dim = 1 << k;
            long controls = randomControls(r, n, t, Math.min(2, n - k));
            String where = java.util.Arrays.toString(t) + " controls " + Long.toBinaryString(controls) + " on " + n;
            assertKernelFollowsItsDefinition(n, new Kernel.Dense(t, controls, gaussian(r, dim * dim, 1 / Math.sqrt(dim)),
                    gaussian(r, dim * dim, 1 / Math.sqrt(dim))), "dense " + where);
            double[] angles = gaussian(r, dim, 2);
            double[] pr = new double[dim];
            double[] pi = new double[dim];
            for (int j = 0; j < dim; j++) {
                // Some phases exactly 1: those amplitudes are skipped.
                pr[j] = r.nextInt(3) == 0 ? 1 : Math.cos(angles[j]);
                pi[j] = pr[j] == 1 ? 0 : Math.sin(angles[j]);
            }
            assertKernelFollowsItsDefinition(n, new Kernel.Diagonal(t, pr, pi), "diagonal " + where);
            if (k >= 2) {
                long a = r.nextBoolean() ? 0 : 1L << t[0];
                long b = a == 0 ? (1L << t[1]) : (1L << t[1]);
                if (k >= 3 && r.nextBoolean()) {
                    b |= 1L << t[2];
                }
                int[] involved = Kernel.Bits.withMask(t, controls);
                assertKernelFollowsItsDefinition(n, new Kernel.Swap(involved, controls, a, b), "swap " + where);
            }
            int x = t[0];
            assertKernelFollowsItsDefinition(n, new Kernel.Swap(Kernel.Bits.withMask(new int[] {x}, controls), controls, 0, 1L << x),
                    "x on " + x + " " + where);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 9})
    void fusedPhaseRangesOfEveryShapeFollowTheirDefinition(int n) {
        Random r = new Random(7);
        for (int lo = 0; lo < n; lo++) {
            for (int width = 1; lo + width <= n && width <= DiagonalFusion.MAX_WIDTH; width++) {
                for (int extra = -1; extra < n; extra++) {
                    if (extra >= lo && extra < lo + width) {
                        continue;
                    }
                    int entries = 1 << (width + (extra >= 0 ? 1 : 0));
                    double[] angles = gaussian(r, entries, 2);
                    double[] pr = new double[entries];
                    double[] pi = new double[entries];
                    for (int j = 0; j < entries; j++) {
                        pr[j] = j % 3 == 0 ? 1 : Math.cos(angles[j]);
                        pi[j] = j % 3 == 0 ? 0 : Math.sin(angles[j]);
                    }
                    assertKernelFollowsItsDefinition(n, new Kernel.DiagonalRange(lo, width, extra, pr, pi),
                            "range " + lo + "+" + width + " extra " + extra);
                }
            }
        }
    }

    // ------------------------------------------------------------------ measurement, reset, sampling, read-out

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 4, 6})
    void measuringAQubitFollowsItsProbabilityAndLeavesANormalisedCollapsedState(int qubit) {
        int n = 7;
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(5, n, 50);
        double[] before = fast(prep);
        double p1 = 0;
        for (int i = 0; i < (1 << n); i++) {
            if ((i >> qubit & 1) == 1) {
                p1 += before[2 * i] * before[2 * i] + before[2 * i + 1] * before[2 * i + 1];
            }
        }
        int trials = 2000;
        int ones = 0;
        SplittableRandom random = new SplittableRandom(3);
        try (SingleState prepared = new SingleState(n, PARALLEL, 3)) {
            prepared.applyGates(gates(prep));
            for (int trial = 0; trial < trials; trial++) {
                try (SingleState s = prepared.copy()) {
                    boolean one = s.measure(qubit, random);
                    ones += one ? 1 : 0;
                    if (trial < 20) {
                        assertThat(s.norm()).isCloseTo(1, within(1e-6));
                        double[] after = s.amplitudes();
                        double keep = one ? p1 : 1 - p1;
                        for (int i = 0; i < (1 << n); i++) {
                            boolean kept = ((i >> qubit) & 1) == (one ? 1 : 0);
                            double scale = kept ? 1 / Math.sqrt(keep) : 0;
                            assertThat(after[2 * i]).isCloseTo(before[2 * i] * scale, within(TOLERANCE));
                            assertThat(after[2 * i + 1]).isCloseTo(before[2 * i + 1] * scale, within(TOLERANCE));
                        }
                    }
                }
            }
        }
        double sigma = Math.sqrt(trials * p1 * (1 - p1));
        assertThat((double) ones).isCloseTo(trials * p1, within(5 * sigma + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5})
    void resetLeavesTheQubitInZeroAndTheOthersAsTheyWere(int qubit) {
        int n = 6;
        try (SingleState s = new SingleState(n, PARALLEL, 3)) {
            s.applyGates(gates(spread(n).build()));
            s.reset(qubit, new SplittableRandom(1));
            double[] a = s.amplitudes();
            for (int i = 0; i < (1 << n); i++) {
                if ((i >> qubit & 1) == 1) {
                    assertThat(Math.hypot(a[2 * i], a[2 * i + 1])).isLessThan(1e-7);
                }
            }
            assertThat(s.norm()).isCloseTo(1, within(1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 16})
    void samplesFollowTheProbabilitiesInOneBlockAndInMany(int n) {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(11, n, 8 * n);
        // Concentrate the probability on a few outcomes so that counts are large enough to check.
        CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 3; q < n; q++) {
            b.h(q).gate(StandardGate.RY, new double[] {2.9}, q);
        }
        c.operations().stream().filter(o -> o.qubits().stream().allMatch(q -> q < 3)).forEach(b::add);
        Circuit circuit = b.build();
        double[] sv = fast(circuit);
        int shots = 20_000;
        try (SingleState s = new SingleState(n, PARALLEL, 3)) {
            s.applyGates(gates(circuit));
            List<BitSet> drawn = s.sample(shots, new SplittableRandom(8));
            assertThat(drawn).hasSize(shots);
            java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
            for (BitSet bits : drawn) {
                counts.merge(bits.isEmpty() ? 0 : bits.toLongArray()[0], 1, Integer::sum);
            }
            for (int i = 0; i < (1 << n); i++) {
                double expected = shots * (sv[2 * i] * sv[2 * i] + sv[2 * i + 1] * sv[2 * i + 1]);
                if (expected > 20) {
                    assertThat((double) counts.getOrDefault((long) i, 0)).as("outcome %d", i)
                            .isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
                }
            }
        }
    }

    @Test
    void swapsAreRelabelledForMeasurementSamplingAmplitudesAndExpectations() {
        Circuit c = Circuit.builder().qubits(5).x(0).gate(StandardGate.SWAP, 0, 4).h(1).gate(StandardGate.SWAP, 1, 2).build();
        try (SingleState s = new SingleState(5, PARALLEL, 3)) {
            s.applyGates(gates(c));
            assertClose(s.amplitudes(), fast(c), "relabelled amplitudes");
            for (BitSet b : s.sample(50, new SplittableRandom(2))) {
                assertThat(b.get(4)).isTrue();
                assertThat(b.get(0)).isFalse();
            }
            assertThat(s.expectation(PauliString.parse("ZIIII"))).isCloseTo(-1, within(1e-6));
            assertThat(s.expectation(PauliString.parse("IIIIZ"))).isCloseTo(1, within(1e-6));
            assertThat(s.measure(4, new SplittableRandom(1))).isTrue();
        }
    }

    @Test
    void expectationValuesMatchTheDoubleEngine() {
        int n = 6;
        Circuit c = ReferenceSimulatorProperties.randomCircuit(12, n, 60);
        FastState f = new FastState(n, ParallelPolicy.SEQUENTIAL, 3);
        f.applyGates(gates(c));
        try (SingleState s = new SingleState(n, PARALLEL, 3)) {
            s.applyGates(gates(c));
            for (String p : List.of("XYZIZI", "YYYYYY", "IIIIIZ", "ZXZXZX", "IXIYII")) {
                assertThat(s.expectation(PauliString.parse(p))).as(p).isCloseTo(f.expectation(PauliString.parse(p)), within(1e-5));
            }
        }
    }

    @Test
    void aCopyIsIndependentAndClosingTwiceIsHarmless() {
        SingleState s = new SingleState(6, PARALLEL, 3);
        s.applyGates(gates(spread(6).build()));
        SingleState c = s.copy();
        double[] before = c.amplitudes();
        s.applyGates(gates(Circuit.builder().qubits(6).h(0).x(5).build()));
        assertThat(c.amplitudes()).containsExactly(before);
        s.close();
        s.close();
        assertThat(c.norm()).isCloseTo(1, within(1e-6));
        c.close();
    }

    @Test
    void aClosedStateRefusesUse() {
        SingleState s = new SingleState(5, ParallelPolicy.SEQUENTIAL, 3);
        s.close();
        assertThatThrownBy(s::norm).isInstanceOf(IllegalStateException.class);
    }
}
