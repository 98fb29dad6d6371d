package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.ReferenceSimulatorProperties;

/** Each kernel against the dense-matrix path, on every placement of its targets (inside and outside a SIMD vector). */
class FastStateKernelTest {

    private static final int N = 7;

    /** A random state to start from, so that no amplitude is zero. */
    private static FastState randomState(ParallelPolicy policy) {
        FastState s = new FastState(N, policy, 0);
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(99, N, 60);
        s.applyGates(prep.operations().stream().map(o -> (GateOperation) o).toList());
        return s;
    }

    /** The same random state in each way kernels run: vectors on one thread and on several, and plain loops. */
    private static List<FastState> randomStates() {
        FastState scalar = FastState.scalar(N, ParallelPolicy.allCores(16), 0);
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(99, N, 60);
        scalar.applyGates(prep.operations().stream().map(o -> (GateOperation) o).toList());
        return List.of(randomState(ParallelPolicy.SEQUENTIAL), randomState(ParallelPolicy.allCores(16)), scalar);
    }

    private static Matrix randomTwoQubitMatrix(long seed, boolean unitary) {
        java.util.Random r = new java.util.Random(seed);
        double[] d = new double[32];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        Matrix m = Matrix.of(4, d);
        return unitary ? StandardGate.ISWAP.matrix().multiply(StandardGate.CU.matrix(0.3, 1.1, -0.7, 0.2)).multiply(
                StandardGate.RY.matrix(r.nextDouble()).embed(2, 1)) : m;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoQubitMatricesOnEveryOrderedPairMatchTheDensePath(boolean unitary) {
        for (int a = 0; a < N; a++) {
            for (int b = 0; b < N; b++) {
                if (a == b) {
                    continue;
                }
                Matrix m = randomTwoQubitMatrix(31L * a + b, unitary);
                for (FastState s : randomStates()) {
                    double[] before = s.amplitudes();
                    s.applyMatrix(m, a, b);
                    assertSameAmplitudes(s.amplitudes(), apply(m.embed(N, a, b), before), a, b);
                }
            }
        }
    }

    /**
     * Whole passes over a state larger than a chunk, where a pass with both targets on qubits
     * 4–10 reads ahead of its groups: up to the state's end, and into the next thread's piece.
     */
    @Test
    void twoQubitMatricesOnAStateLargerThanAChunkMatchTheDensePath() {
        int n = 10;
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(7, n, 80);
        for (int a = 3; a < n; a++) {
            for (int b = 3; b < n; b++) {
                if (a == b) {
                    continue;
                }
                Matrix m = randomTwoQubitMatrix(17L * a + b, false);
                Matrix embedded = m.embed(n, a, b);
                for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(16))) {
                    FastState s = new FastState(n, policy, 0, 5, 2, true);
                    s.applyGates(prep.operations().stream().map(o -> (GateOperation) o).toList());
                    double[] before = s.amplitudes();
                    s.applyMatrix(m, a, b);
                    assertSameAmplitudes(s.amplitudes(), apply(embedded, before), a, b);
                }
            }
        }
    }

    /**
     * The same on a state too large for the dense path, against plain loops: targets far apart
     * (read ahead pair by pair) and a target inside a SIMD vector with one on qubits 4–10.
     */
    @Test
    void twoQubitMatricesFarApartOnAStateLargerThanAChunkMatchPlainLoops() {
        int n = 13;
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(11, n, 60);
        List<GateOperation> prepGates = prep.operations().stream().map(o -> (GateOperation) o).toList();
        int[][] pairs = {{5, 11}, {6, 12}, {9, 11}, {12, 5}, {6, 10}, {10, 8}, {4, 10}, {0, 6}, {2, 9}, {10, 1}, {2, 4}, {4, 12}};
        for (int[] pair : pairs) {
            Matrix m = randomTwoQubitMatrix(5L * pair[0] + pair[1], false);
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.applyMatrix(m, pair), pair[0], pair[1]);
        }
    }

    /**
     * A random 60-gate preparation without swap gates, which would only relabel qubits: the
     * kernels these tests apply take physical qubits.
     */
    private static List<GateOperation> randomGatesWithoutSwaps(long seed, int n) {
        return ReferenceSimulatorProperties.randomCircuit(seed, n, 60).operations().stream()
                .map(o -> (GateOperation) o).filter(g -> g.gate() != StandardGate.SWAP).toList();
    }

    /**
     * {@code pass} on a state of {@code n} qubits prepared by {@code prep}, larger than its 2^5
     * chunks, gives the same amplitudes with vector kernels (one thread and several) as with
     * plain loops.
     */
    private static void assertVectorsMatchPlainLoops(int n, List<GateOperation> prep, java.util.function.Consumer<FastState> pass, int a, int b) {
        for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(16))) {
            FastState vectors = new FastState(n, policy, 0, 5, 2, true);
            FastState loops = new FastState(n, ParallelPolicy.SEQUENTIAL, 0, 5, 2, false);
            vectors.applyGates(prep);
            loops.applyGates(prep);
            pass.accept(vectors);
            pass.accept(loops);
            assertSameAmplitudes(vectors.amplitudes(), loops.amplitudes(), a, b);
        }
    }

    /**
     * A one-qubit matrix on every target of a state larger than a chunk, against plain loops:
     * targets 6–10 read ahead a block in address order, up to the state's end and into the next
     * thread's piece.
     */
    @Test
    void oneQubitMatricesOnEveryTargetOfAStateLargerThanAChunkMatchPlainLoops() {
        int n = 13;
        List<GateOperation> prepGates = ReferenceSimulatorProperties.randomCircuit(13, n, 60).operations().stream()
                .map(o -> (GateOperation) o).toList();
        for (int target = 0; target < n; target++) {
            java.util.Random r = new java.util.Random(41L * target);
            // A general complex matrix, not unitary: no symmetry can hide a misplaced coefficient.
            Matrix one = Matrix.of(2, r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian());
            int t = target;
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.applyMatrix(one, t), t, t);
        }
    }

    /**
     * Diagonals on a state larger than a chunk, against plain loops: every vector times its phases
     * where all targets lie below qubit 13 (crz, cp and rzz with a target inside the vector or
     * not), and the runs whose phases are 1 skipped where the lowest target above the vector is
     * 13 or more.
     */
    @Test
    void diagonalsOnAStateLargerThanAChunkMatchPlainLoops() {
        int n = 15;
        List<GateOperation> prepGates = randomGatesWithoutSwaps(31, n);
        Object[][] cases = {{StandardGate.CRZ, new int[] {5, 9}}, {StandardGate.CP, new int[] {2, 9}}, {StandardGate.CRZ, new int[] {9, 2}},
            {StandardGate.RZZ, new int[] {4, 6}}, {StandardGate.CP, new int[] {5, 9}}, {StandardGate.CP, new int[] {2, 14}},
            {StandardGate.CRZ, new int[] {13, 4}}, {StandardGate.RZ, new int[] {9}}};
        for (Object[] c : cases) {
            StandardGate gate = (StandardGate) c[0];
            int[] q = (int[]) c[1];
            double[] params = gate.numParams() == 0 ? new double[0] : new double[] {0.9};
            Kernel k = Kernels.special(gate, params, q);
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.apply(k), q[0], q[q.length - 1]);
        }
    }

    /**
     * A controlled one-qubit matrix with its lowest control on 3–5, or with the target on 3–6 and
     * the lowest control on 6–10 (and cx, ccx there, which run as an X), on a state larger than a
     * chunk, against plain loops: every pair is swept, those whose controls are 0 skipped (target
     * read ahead, on 6–10) or written back unchanged; a second control may lie higher. And a
     * target inside the vector under one control on 6–7 (a 4×4 matrix) or two.
     */
    @Test
    void oneQubitMatricesUnderAControlWithShortRunsMatchPlainLoops() {
        int n = 13;
        List<GateOperation> prepGates = randomGatesWithoutSwaps(29, n);
        int[][] cases = {{3, 9}, {4, 7}, {5, 12}, {3, 6}, {4, 11}, {5, 3}, {3, 9, 11}, {4, 12, 8},
            {6, 3}, {7, 4}, {10, 6}, {5, 4}, {9, 6, 12}, {8, 5, 3}, {6, 8}, {7, 0}, {6, 2}, {7, 1, 10}};
        java.util.Random r = new java.util.Random(7);
        for (int[] c : cases) {
            long controls = 1L << c[0] | (c.length > 2 ? 1L << c[2] : 0);
            double[] re = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] im = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            Kernel k = new Kernel.Dense(new int[] {c[1]}, controls, re, im);
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.apply(k), c[0], c[1]);
            Kernel x = c.length > 2 ? Kernels.special(StandardGate.CCX, new double[0], new int[] {c[0], c[2], c[1]})
                    : Kernels.special(StandardGate.CX, new double[0], new int[] {c[0], c[1]});
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.apply(x), c[0], c[1]);
        }
        // A swap with an involved qubit that must be 0 (neither control nor partner) is no X.
        Kernel zeroOnSix = new Kernel.Swap(new int[] {3, 6, 9}, 1L << 3, 0, 1L << 9);
        assertVectorsMatchPlainLoops(n, prepGates, s -> s.apply(zeroOnSix), 3, 9);
    }

    /**
     * Swaps with a qubit inside a vector on a state larger than a chunk, against plain loops:
     * controls on 11 and 12 over a lane target (every vector swept), partners on 6 and 7 (read
     * ahead, up to the state's end and into the next thread's piece).
     */
    @Test
    void permutationsWithALaneQubitOnAStateLargerThanAChunkMatchPlainLoops() {
        int n = 13;
        List<GateOperation> prepGates = randomGatesWithoutSwaps(17, n);
        Object[][] cases = {{StandardGate.CX, new int[] {11, 0}}, {StandardGate.CX, new int[] {12, 2}}, {StandardGate.CX, new int[] {4, 1}},
            {StandardGate.CCX, new int[] {11, 5, 0}}, {StandardGate.CX, new int[] {0, 7}}, {StandardGate.SWAP, new int[] {0, 6}},
            {StandardGate.SWAP, new int[] {7, 1}}, {StandardGate.SWAP, new int[] {2, 12}}, {StandardGate.CSWAP, new int[] {3, 0, 7}}};
        for (Object[] c : cases) {
            StandardGate gate = (StandardGate) c[0];
            int[] q = (int[]) c[1];
            assertVectorsMatchPlainLoops(n, prepGates, s -> s.apply(Kernels.special(gate, new double[0], q)), q[0], q[1]);
        }
    }

    /**
     * x, cx, ccx, swap and cswap, and the controlled one-qubit gates, on every placement: partners
     * inside one vector, across vectors, one in and one out, controls anywhere.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = StandardGate.class, names = {"X", "CX", "CCX", "SWAP", "CSWAP", "CH", "CY", "CRX", "CU"})
    void permutationAndControlledKernelsOnEveryPlacementMatchTheDensePath(StandardGate gate) {
        // Prepared without swap gates, which would only relabel qubits: kernels here take physical qubits.
        FastState start = new FastState(N, ParallelPolicy.SEQUENTIAL, 0);
        start.applyGates(ReferenceSimulatorProperties.randomCircuit(5, N, 80).operations().stream().map(o -> (GateOperation) o)
                .filter(g -> g.gate() != StandardGate.SWAP).toList());
        double[] before = start.amplitudes();
        FastState scalarStart = FastState.scalar(N, ParallelPolicy.SEQUENTIAL, 0);
        scalarStart.assign(start);
        int k = gate.numQubits();
        double[] params = java.util.Arrays.copyOf(new double[] {0.7, 1.1, -0.4, 0.2}, gate.numParams());
        for (int[] q : placements(k)) {
            double[] expected = apply(gate.matrix(params).embed(N, q), before);
            for (FastState s : List.of(start.copy(), scalarStart.copy())) {
                s.apply(Kernels.special(gate, params, q));
                double[] actual = s.amplitudes();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s on %s component %d", gate, java.util.Arrays.toString(q), i).isCloseTo(expected[i], within(1e-12));
                }
            }
        }
    }

    /** Every ordered choice of k distinct qubits of the N. */
    private static List<int[]> placements(int k) {
        List<int[]> out = new java.util.ArrayList<>();
        for (int code = 0; code < Math.pow(N, k); code++) {
            int[] q = new int[k];
            int c = code;
            for (int j = 0; j < k; j++) {
                q[j] = c % N;
                c /= N;
            }
            if (java.util.Arrays.stream(q).distinct().count() == k) {
                out.add(q);
            }
        }
        return out;
    }

    /** The permutation matrix sending local basis state j to {@code to[j]}. */
    private static Matrix permutation(int... to) {
        int d = to.length;
        double[] m = new double[2 * d * d];
        for (int j = 0; j < d; j++) {
            m[2 * (to[j] * d + j)] = 1;
        }
        return Matrix.of(d, m);
    }

    /**
     * Matrices that exchange two basis states (the density matrix's cx halves) run as swap kernels,
     * with bits set in both as controls; one with an anti-control, and other permutations, stay dense.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x", "cx", "swap", "ccx", "anti-cx", "three-cycle"})
    void matricesThatExchangeTwoBasisStatesRunAsSwapsOnEveryPlacementAndMatchTheDensePath(String which) {
        Matrix m = switch (which) {
            case "x" -> StandardGate.X.matrix();
            case "cx" -> StandardGate.CX.matrix();
            case "swap" -> StandardGate.SWAP.matrix();
            case "ccx" -> StandardGate.CCX.matrix();
            case "anti-cx" -> permutation(1, 0, 2, 3);
            default -> permutation(1, 2, 0, 3);
        };
        int k = Integer.numberOfTrailingZeros(m.dimension());
        for (int[] q : placements(k)) {
            assertThat(Kernels.forMatrix(m, q)).isInstanceOf(which.equals("three-cycle") || which.equals("anti-cx") ? Kernel.Dense.class : Kernel.Swap.class);
            for (FastState s : randomStates()) {
                double[] before = s.amplitudes();
                s.applyMatrix(m, q);
                double[] expected = apply(m.embed(N, q), before);
                double[] actual = s.amplitudes();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s on %s component %d", which, java.util.Arrays.toString(q), i).isCloseTo(expected[i], within(1e-12));
                }
            }
        }
    }

    /** Target sets of three and four qubits, with none, one, two or three inside a SIMD vector, in any order. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0;3;5", "4;1;6", "2;0;1", "6;2;0;4", "3;4;5;6", "1;5;0;2", "5;6;3"})
    void wideMatricesOnTargetsInsideAndOutsideAVectorMatchTheDensePath(String targetList) {
        int[] targets = java.util.Arrays.stream(targetList.split(";")).mapToInt(Integer::parseInt).toArray();
        int dim = 1 << targets.length;
        java.util.Random r = new java.util.Random(targetList.hashCode());
        for (boolean sparse : new boolean[] {false, true}) {
            double[] d = new double[2 * dim * dim];
            for (int i = 0; i < d.length; i++) {
                d[i] = sparse && r.nextInt(4) != 0 ? 0 : r.nextGaussian();
            }
            Matrix m = Matrix.of(dim, d);
            for (FastState s : randomStates()) {
                double[] before = s.amplitudes();
                s.applyMatrix(m, targets);
                double[] expected = apply(m.embed(N, targets), before);
                double[] actual = s.amplitudes();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("targets %s sparse %s component %d", targetList, sparse, i).isCloseTo(expected[i], within(1e-9));
                }
            }
        }
    }

    /** Diagonals with distinct phases, their lowest qubit just above a vector (each vector swept) in either argument place. */
    @ParameterizedTest
    @CsvSource({"3", "3;6", "6;3", "5;3;4", "4;6;3"})
    void diagonalsWithDistinctPhasesMatchTheDensePath(String qubits) {
        int[] q = java.util.Arrays.stream(qubits.split(";")).mapToInt(Integer::parseInt).toArray();
        double[] phases = new double[1 << q.length];
        for (int j = 0; j < phases.length; j++) {
            phases[j] = 0.3 + 0.7 * j * j;
        }
        Matrix diag = Matrix.diagonalPhases(phases);
        // Prepared without swap gates, which would only relabel qubits and move the diagonal off qubit 3.
        List<GateOperation> prep = randomGatesWithoutSwaps(99, N);
        for (FastState s : List.of(new FastState(N, ParallelPolicy.SEQUENTIAL, 0), new FastState(N, ParallelPolicy.allCores(16), 0),
                FastState.scalar(N, ParallelPolicy.SEQUENTIAL, 0))) {
            s.applyGates(prep);
            double[] before = s.amplitudes();
            s.applyMatrix(diag, q);
            double[] expected = apply(diag.embed(N, q), before);
            double[] actual = s.amplitudes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s component %d", qubits, i).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 6})
    void oneQubitAndDiagonalKernelsMatchTheDensePath(int target) {
        Matrix u = StandardGate.U3.matrix(0.4, -1.2, 2.2);
        Matrix diag = StandardGate.CP.matrix(0.9);
        for (FastState s : randomStates()) {
            double[] before = s.amplitudes();
            s.applyMatrix(u, target);
            int other = (target + 4) % N;
            s.applyMatrix(diag, other, target);
            double[] expected = apply(diag.embed(N, other, target), apply(u.embed(N, target), before));
            double[] actual = s.amplitudes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void fusedRunsOfDiagonalGatesMatchTheReference(int lo) {
        int n = 11;
        io.qubench.circuit.CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 0; q < n; q++) {
            b.h(q).gate(StandardGate.RY, new double[] {0.1 * q}, q);
        }
        int target = n - 1;
        for (int c = target - 1; c >= lo; c--) {
            b.gate(StandardGate.CP, new double[] {Math.PI / (1 + c)}, c, target);
        }
        for (int c = lo; c < lo + 3 && c < target; c++) {
            b.gate(StandardGate.CZ, c, c + 1).gate(StandardGate.RZ, new double[] {0.3 * c}, c);
        }
        Circuit circuit = b.build();
        io.qubench.sim.RunOptions options = io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true);
        double[] expected = new io.qubench.sim.ReferenceSimulator().run(circuit, options).statevector();
        List<GateOperation> gates = circuit.operations().stream().map(o -> (GateOperation) o).toList();
        for (FastState s : List.of(new FastState(n, ParallelPolicy.allCores(16), 3), FastState.scalar(n, ParallelPolicy.allCores(16), 3))) {
            s.applyGates(gates);
            double[] actual = s.amplitudes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 17})
    void cacheBlockedRunsOnStatesLargerThanAChunkMatchTheReference(int n) {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(n, n, 160);
        io.qubench.sim.RunOptions options = io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true);
        double[] expected = new io.qubench.sim.ReferenceSimulator().run(c, options).statevector();
        double[] actual = new StateVectorSimulator(ParallelPolicy.allCores(1 << 10), 3).run(c, options).statevector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(1e-10));
        }
    }

    /**
     * Small pieces force every stage shape: pieces of the lowest qubits worked on in place, and
     * pieces with high qubits gathered in short runs, kernels reordered past the ones they commute with.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"8,4,1", "8,4,3", "9,5,2", "9,6,0", "10,4,4"})
    void stagesOfKernelsOnGatheredPiecesMatchTheReference(int n, int chunkQubits, int minRunQubits) {
        for (long seed = 1; seed <= 6; seed++) {
            Circuit c = ReferenceSimulatorProperties.randomCircuit(seed * 7 + n, n, 120);
            double[] expected = new io.qubench.sim.ReferenceSimulator()
                    .run(c, io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true)).statevector();
            for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(2))) {
                for (boolean vectors : new boolean[] {true, false}) {
                    FastState s = new FastState(n, policy, 3, chunkQubits, minRunQubits, vectors);
                    s.applyGates(c.operations().stream().map(o -> (GateOperation) o).toList());
                    double[] actual = s.amplitudes();
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual[i]).as("seed %d vectors %s component %d", seed, vectors, i).isCloseTo(expected[i], within(1e-10));
                    }
                }
            }
        }
    }

    /**
     * Stages skip the pieces where a qubit still in |0⟩ is 1: on circuits that take their qubits
     * out of |0⟩ one at a time (see {@link GroundLadder}), on small pieces of every shape, the
     * state is still the reference's.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"8,4,1", "9,5,2", "10,4,4", "10,6,0"})
    void circuitsThatLeaveQubitsInTheirGroundStateForAWhileMatchTheReference(int n, int chunkQubits, int minRunQubits) {
        for (long seed = 1; seed <= 5; seed++) {
            Circuit c = GroundLadder.circuit(seed * 13 + n, n);
            double[] expected = new io.qubench.sim.ReferenceSimulator()
                    .run(c, io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true)).statevector();
            for (int fusion : new int[] {0, 3}) {
                for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(2))) {
                    for (boolean vectors : new boolean[] {true, false}) {
                        FastState s = new FastState(n, policy, fusion, chunkQubits, minRunQubits, vectors);
                        s.applyGates(c.operations().stream().map(o -> (GateOperation) o).toList());
                        double[] actual = s.amplitudes();
                        for (int i = 0; i < expected.length; i++) {
                            assertThat(actual[i]).as("seed %d fusion %d vectors %s component %d", seed, fusion, vectors, i)
                                    .isCloseTo(expected[i], within(1e-10));
                        }
                    }
                }
            }
        }
    }

    /** Large enough that its arrays are made on two threads, a state starts in |0…0⟩, and its copy is its own. */
    @org.junit.jupiter.api.Test
    void aLargeStateAllocatedOnAllCoresStartsInTheGroundStateAndCopiesIndependently() {
        int n = 21;
        FastState state = new FastState(n, ParallelPolicy.allCores(1 << 14), 0);
        double[] ground = state.amplitudes();
        assertThat(ground[0]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(ground, 1, ground.length).allMatch(a -> a == 0)).isTrue();
        GateOperation h = new GateOperation(StandardGate.H, List.of(), List.of(n - 1), null);
        state.applyGates(List.of(h));
        double[] afterH = state.amplitudes();
        FastState copy = state.copy();
        assertThat(java.util.Arrays.equals(copy.amplitudes(), afterH)).as("the copy has the amplitudes").isTrue();
        copy.applyGates(List.of(h));
        assertThat(java.util.Arrays.equals(state.amplitudes(), afterH)).as("the original is untouched by a gate on its copy").isTrue();
        assertThat(copy.amplitudes()[0]).isCloseTo(1.0, within(1e-12));
    }

    /**
     * A copy, or a state that takes another's amplitudes, knows which qubits are still in |0⟩
     * there: halfway through a circuit that takes its qubits out of |0⟩ one at a time, both go on
     * to the reference's end state (trajectories branch by copying, the density engine assigns).
     */
    @org.junit.jupiter.api.Test
    void copiesAndAssignedStatesKeepTrackOfTheQubitsStillInTheirGroundState() {
        int n = 9;
        Circuit c = GroundLadder.circuit(5, n);
        List<GateOperation> gates = c.operations().stream().map(o -> (GateOperation) o).toList();
        double[] expected = new io.qubench.sim.ReferenceSimulator()
                .run(c, io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true)).statevector();
        for (int half : new int[] {gates.size() / 3, gates.size() / 2}) {
            FastState first = new FastState(n, ParallelPolicy.SEQUENTIAL, 0, 4, 1, true);
            first.applyGates(gates.subList(0, half));
            FastState copy = first.copy();
            FastState assigned = new FastState(n, ParallelPolicy.SEQUENTIAL, 0, 4, 1, true);
            assigned.assign(first);
            for (FastState s : List.of(first, copy, assigned)) {
                s.applyGates(gates.subList(half, gates.size()));
                double[] actual = s.amplitudes();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("after %d gates, component %d", half, i).isCloseTo(expected[i], within(1e-10));
                }
            }
        }
    }

    /**
     * A trace mix adds to entries where its qubits are 1 from entries where they are 0: it takes
     * them out of |0⟩ (as a density matrix's noise does), and a later stage must not skip them.
     */
    @org.junit.jupiter.api.Test
    void traceMixesOnQubitsInTheirGroundStateAreFollowedByTheLaterStages() {
        int n = 9;
        List<Kernel> kernels = new java.util.ArrayList<>();
        kernels.add(Kernels.forMatrix(StandardGate.H.matrix(), new int[] {0}));
        kernels.add(Kernels.forMatrix(StandardGate.H.matrix(), new int[] {7}));
        kernels.add(new Kernel.TraceMix(new int[] {0}, new int[] {8}, 0.3));
        kernels.add(new Kernel.TraceMix(new int[] {7, 0}, new int[] {5, 6}, -0.2));
        // Then only low qubits, in a stage whose pieces leave out the qubits the mixes took out of |0⟩.
        kernels.add(Kernels.forMatrix(randomTwoQubitMatrix(5, true), new int[] {0, 1}));
        kernels.add(Kernels.forMatrix(randomTwoQubitMatrix(6, true), new int[] {2, 3}));
        kernels.add(Kernels.forMatrix(randomTwoQubitMatrix(7, true), new int[] {1, 2}));
        FastState wholePasses = new FastState(n, ParallelPolicy.SEQUENTIAL, 0, n, 0, true);
        kernels.forEach(wholePasses::apply);
        double[] expected = wholePasses.amplitudes();
        FastState staged = new FastState(n, ParallelPolicy.allCores(2), 0, 4, 2, true);
        assertThat(new StagePlanner(n, 4, 2).plan(kernels)).hasSizeGreaterThan(1);
        staged.applyKernels(kernels);
        double[] actual = staged.amplitudes();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    /** I + w·T on (rows…, columns…): T adds the sum of the diagonal entries (s, s) to each of them. */
    private static Matrix traceMixMatrix(int k, double w) {
        int d = 1 << k;
        double[] m = new double[2 * d * d * d * d];
        for (int i = 0; i < d * d; i++) {
            for (int j = 0; j < d * d; j++) {
                boolean iDiagonal = i % d == i / d;
                boolean jDiagonal = j % d == j / d;
                m[2 * (i * d * d + j)] = (i == j ? 1 : 0) + (iDiagonal && jDiagonal ? w : 0);
            }
        }
        return Matrix.of(d * d, m);
    }

    /** One- and two-qubit trace mixes with their row and column bits inside a vector, across vectors, in any order. */
    @ParameterizedTest
    @ValueSource(strings = {"0,3", "3,0", "1,6", "6,2", "4,5", "0,1:2,3", "3,4:0,1", "0,5:6,2", "4,6:1,5"})
    void traceMixesOnEveryPlacementMatchTheDensePath(String placement) {
        String[] parts = placement.split(":");
        int[] rows = parts.length == 1 ? new int[] {Integer.parseInt(parts[0].split(",")[0])}
                : java.util.Arrays.stream(parts[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int[] columns = parts.length == 1 ? new int[] {Integer.parseInt(parts[0].split(",")[1])}
                : java.util.Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double w = 0.37;
        int[] targets = new int[2 * rows.length];
        System.arraycopy(rows, 0, targets, 0, rows.length);
        System.arraycopy(columns, 0, targets, rows.length, columns.length);
        for (FastState s : randomStates()) {
            double[] before = s.amplitudes();
            s.applySteps(List.of(new FastState.Mix(rows, columns, w)));
            double[] expected = apply(traceMixMatrix(rows.length, w).embed(N, targets), before);
            double[] actual = s.amplitudes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s component %d", placement, i).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void traceMixesInAGatheredStageMatchTheDensePath() {
        List<Kernel> kernels = List.of(new Kernel.TraceMix(new int[] {0}, new int[] {5}, 0.2),
                new Kernel.TraceMix(new int[] {1}, new int[] {4}, -0.1), new Kernel.TraceMix(new int[] {0, 1}, new int[] {6, 5}, 0.3));
        assertThat(new StagePlanner(N, 5, 2).plan(kernels)).hasSize(1).allSatisfy(stage -> assertThat(stage.whole()).isFalse());
        FastState s = new FastState(N, ParallelPolicy.allCores(2), 0, 5, 2, true);
        FastState reference = randomState(ParallelPolicy.SEQUENTIAL);
        s.assign(reference);
        s.applyKernels(kernels);
        for (Kernel k : kernels) {
            reference.apply(k);
        }
        double[] expected = reference.amplitudes();
        double[] actual = s.amplitudes();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @org.junit.jupiter.api.Test
    void theStagePlannerGathersABrickworkCircuitIntoFewSweeps() {
        Circuit c = io.qubench.sim.BenchmarkCircuits.random(20, 2026);
        List<GateOperation> gates = c.operations().stream().filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList();
        List<Kernel> kernels = new Fuser(20, 3).fuse(gates);
        List<StagePlanner.Stage> stages = new StagePlanner(20, 15, 6).plan(kernels);
        assertThat(stages.stream().mapToInt(st -> st.kernels().size()).sum()).isEqualTo(kernels.size());
        assertThat(stages).allSatisfy(st -> assertThat(Long.bitCount(st.qubits())).isIn(0, 15));
        assertThat(stages.size()).as("sweeps for %d kernels", kernels.size()).isLessThan(kernels.size() / 5);
    }

    /** A QFT's fans of controlled phases join any stage: each fan onto a high qubit took a sweep of its own (QFT-26: 29). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"22, 3", "26, 4"})
    void theStagePlannerRunsAQftInAFewSweepsWhenDiagonalRangesAreFree(int n, int sweeps) {
        List<GateOperation> gates = io.qubench.sim.BenchmarkCircuits.qft(n).operations().stream()
                .filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList();
        List<Kernel> kernels = new Fuser(n, 3).fuse(QubitLayout.identity(n).place(gates));
        assertThat(new StagePlanner(n, 15, 6).plan(kernels)).as("diagonal ranges kept inside pieces").hasSizeGreaterThan(2 * sweeps);
        List<StagePlanner.Stage> stages = new StagePlanner(n, 15, 6, true).plan(kernels);
        assertThat(stages.stream().flatMap(st -> st.kernels().stream()).toList()).containsExactlyInAnyOrderElementsOf(kernels);
        assertThat(stages).hasSizeLessThanOrEqualTo(sweeps);
    }

    /** QFTs in small pieces: fans on qubits outside a piece run on the state's own indices, in place and gathered. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"9,4,1", "10,5,2", "10,4,3", "11,6,3", "12,5,0"})
    void qftsInStagesOfSmallPiecesMatchTheReference(int n, int chunkQubits, int minRunQubits) {
        Circuit c = io.qubench.sim.BenchmarkCircuits.qft(n);
        // A state that is not |0…0⟩, so that every phase matters.
        io.qubench.circuit.CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 0; q < n; q++) {
            b.gate(StandardGate.RY, new double[] {0.3 + 0.1 * q}, q).gate(StandardGate.RZ, new double[] {0.7 * q}, q);
        }
        c.operations().stream().filter(o -> o instanceof GateOperation).forEach(b::add);
        Circuit whole = b.build();
        List<GateOperation> gates = whole.operations().stream().map(o -> (GateOperation) o).toList();
        double[] expected = new io.qubench.sim.ReferenceSimulator()
                .run(whole, io.qubench.sim.RunOptions.shots(0, 1).withStatevector(true)).statevector();
        List<Kernel> kernels = new Fuser(n, 3).fuse(QubitLayout.identity(n).place(gates));
        assertThat(kernels).as("the QFT's fans are fused into diagonal ranges").anyMatch(k -> k instanceof Kernel.DiagonalRange);
        for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(2))) {
            for (boolean vectors : new boolean[] {true, false}) {
                FastState s = new FastState(n, policy, 3, chunkQubits, minRunQubits, vectors);
                s.applyGates(gates);
                double[] actual = s.amplitudes();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("vectors %s component %d", vectors, i).isCloseTo(expected[i], within(1e-10));
                }
            }
        }
    }

    /**
     * Diagonal ranges on gathered pieces, free or inside the piece, with phases read by state
     * index: every first qubit (inside a SIMD vector, at a run's edge, above it), width and extra
     * qubit, against the same kernels one whole-state pass each.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"12,8,3", "12,8,4", "13,9,6", "12,7,2"})
    void diagonalRangesOnGatheredPiecesMatchWholeStatePasses(int n, int chunkQubits, int minRunQubits) {
        java.util.Random random = new java.util.Random(n * 100L + minRunQubits);
        List<Kernel> kernels = new java.util.ArrayList<>();
        for (int q = 0; q < n; q++) {
            kernels.add(Kernels.forMatrix(StandardGate.U.matrix(0.4 + 0.1 * q, 0.3 * q, -0.2), new int[] {q}));
        }
        for (int lo = 0; lo <= 6; lo++) {
            for (int width = 1; width <= 4; width++) {
                // The shapes DiagonalFusion makes: the extra qubit above the range and outside a vector,
                // the range above a vector's lanes or covering all lanes from its first qubit up.
                for (int extra : new int[] {-1, lo + width + 1, n - 1}) {
                    if (extra > n - 1 || extra >= 0 && extra < Math.max(lo + width, 3) || lo < 3 && lo + width < 3) {
                        continue;
                    }
                    int size = 1 << (width + (extra >= 0 ? 1 : 0));
                    double[] re = new double[size];
                    double[] im = new double[size];
                    for (int j = 0; j < size; j++) {
                        double angle = random.nextDouble() * 2 * Math.PI;
                        re[j] = Math.cos(angle);
                        im[j] = Math.sin(angle);
                    }
                    kernels.add(new Kernel.DiagonalRange(lo, width, extra, re, im));
                }
            }
            // A high qubit's gate between the ranges makes stages gather pieces of high qubits.
            kernels.add(Kernels.forMatrix(StandardGate.RY.matrix(0.5 + lo), new int[] {n - 1 - lo % 3}));
        }
        assertThat(new StagePlanner(n, chunkQubits, minRunQubits, true).plan(kernels))
                .as("a free range from qubit 1 or 2 on a gathered piece")
                .anyMatch(st -> st.kernels().stream().anyMatch(k -> st.onStateQubits(k) && ((Kernel.DiagonalRange) k).lo() > 0
                        && ((Kernel.DiagonalRange) k).lo() < 3));
        FastState wholePasses = new FastState(n, ParallelPolicy.SEQUENTIAL, 0, n, 0, true);
        wholePasses.applyKernels(kernels);
        double[] expected = wholePasses.amplitudes();
        for (ParallelPolicy policy : List.of(ParallelPolicy.SEQUENTIAL, ParallelPolicy.allCores(2))) {
            FastState s = new FastState(n, policy, 0, chunkQubits, minRunQubits, true);
            s.applyKernels(kernels);
            double[] actual = s.amplitudes();
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("component %d", i).isCloseTo(expected[i], within(1e-10));
            }
        }
    }

    /** Windows of consecutive qubits let a stage run a deep light cone: first come first served took 18 and 23 sweeps. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"24, 10", "26, 13"})
    void theStagePlannerRunsTwentyBrickworkLayersInFewerSweepsThanLayers(int n, int sweeps) {
        List<GateOperation> gates = io.qubench.sim.BenchmarkCircuits.random(n, 1).operations().stream()
                .filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList();
        List<Kernel> kernels = new Fuser(n, 3).fuse(gates);
        List<StagePlanner.Stage> stages = new StagePlanner(n, 15, 6).plan(kernels);
        assertThat(stages.stream().flatMap(st -> st.kernels().stream()).toList()).containsExactlyInAnyOrderElementsOf(kernels);
        assertThat(stages).hasSizeLessThanOrEqualTo(sweeps);
    }

    @org.junit.jupiter.api.Test
    void swapsAreRelabelledForMeasurementResetSamplingAndExpectations() {
        Circuit c = Circuit.builder().qubits(4).clbits(2).x(0).gate(StandardGate.SWAP, 0, 3).h(1)
                .gate(StandardGate.SWAP, 1, 2).measure(3, 0).reset(3).measure(2, 1).build();
        io.qubench.sim.SimulationResult r = new StateVectorSimulator().run(c, io.qubench.sim.RunOptions.shots(400, 3));
        assertThat(r.counts()).containsOnlyKeys("01", "11");
        Circuit moved = Circuit.builder().qubits(3).x(0).gate(StandardGate.SWAP, 0, 2).build();
        double[] z = new StateVectorSimulator().expectations(moved, io.qubench.sim.RunOptions.shots(0, 1),
                List.of(io.qubench.sim.PauliString.parse("ZII"), io.qubench.sim.PauliString.parse("IIZ")));
        assertThat(z).containsExactly(-1.0, 1.0);
        assertThat(new StateVectorSimulator().run(moved, io.qubench.sim.RunOptions.shots(10, 1)).counts()).containsOnlyKeys("100");
    }

    private static void assertSameAmplitudes(double[] actual, double[] expected, int a, int b) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("targets %d,%d component %d", a, b, i).isCloseTo(expected[i], within(1e-10));
        }
    }

    private static double[] apply(Matrix m, double[] v) {
        int d = m.dimension();
        double[] out = new double[2 * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                out[2 * r] += m.re(r, c) * v[2 * c] - m.im(r, c) * v[2 * c + 1];
                out[2 * r + 1] += m.re(r, c) * v[2 * c + 1] + m.im(r, c) * v[2 * c];
            }
        }
        return out;
    }
}
