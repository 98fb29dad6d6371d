package io.qubench.sim.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.noise.Channels;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.QuantumChannel;
import io.qubench.noise.ReadoutError;
import io.qubench.noise.UniformNoiseModel;
import io.qubench.sim.PauliString;
import io.qubench.sim.ReferenceSimulator;
import io.qubench.sim.ReferenceSimulatorProperties;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.statevector.ParallelPolicy;
import io.qubench.sim.statevector.Warmup;

class DensityMatrixSimulatorTest {

    /** Without noise, ρ stays pure: the engine's counts follow the reference's. */
    @org.junit.jupiter.api.Nested
    class Contract extends io.qubench.sim.EngineContract {
        @Override
        protected io.qubench.sim.Simulator simulator() {
            return new DensityMatrixSimulator();
        }
    }


    /** One given channel after every one-qubit gate. */
    static NoiseModel after1q(QuantumChannel c) {
        return new UniformNoiseModel(c, null, null);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void withoutNoiseTheDiagonalIsTheReferenceProbabilities(long seed) {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(seed, 1 + (int) seed, 40);
        double[] sv = new ReferenceSimulator().run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        double[] p = new DensityMatrixSimulator(NoiseModel.IDEAL, ParallelPolicy.allCores(16)).probabilities(c, RunOptions.shots(0, 1));
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isCloseTo(sv[2 * i] * sv[2 * i] + sv[2 * i + 1] * sv[2 * i + 1], within(1e-10));
        }
    }

    @Test
    void expectationsOfAnIdealDensityMatrixAreThoseOfTheStateVector() {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(21, 5, 70);
        List<PauliString> paulis = java.util.stream.Stream.of("XYZIZ", "YYYYY", "IIIIZ", "ZXZXZ", "IXIYI", "XX")
                .map(PauliString::parse).toList();
        double[] exact = new io.qubench.sim.statevector.StateVectorSimulator().expectations(c, RunOptions.shots(0, 1), paulis);
        double[] fromRho = new DensityMatrixSimulator().expectations(c, RunOptions.shots(0, 1), paulis);
        for (int k = 0; k < paulis.size(); k++) {
            assertThat(fromRho[k]).as(paulis.get(k).toString()).isCloseTo(exact[k], within(1e-10));
        }
    }

    /**
     * A Bell pair under depolarizing p after each gate (ρ → (1−p)ρ + p·I/2^k): ⟨ZZ⟩ = 1 − p,
     * ⟨XX⟩ = −⟨YY⟩ = (1 − p)², ⟨ZI⟩ = 0; the readout error acts on reported bits and is not in ρ.
     */
    @Test
    void expectationsOfANoisyBellPairFollowTheChannels() {
        double p = 0.1;
        Circuit bell = Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        List<PauliString> paulis = java.util.stream.Stream.of("ZZ", "XX", "YY", "ZI").map(PauliString::parse).toList();
        double[] values = new DensityMatrixSimulator(UniformNoiseModel.depolarizing(p, 0.05)).expectations(bell,
                RunOptions.shots(0, 1), paulis);
        assertThat(values).containsExactly(new double[] {1 - p, (1 - p) * (1 - p), -(1 - p) * (1 - p), 0}, within(1e-12));
        Circuit midCircuit = Circuit.builder().qubits(1).clbits(1).h(0).measure(0, 0).h(0).build();
        assertThatThrownBy(() -> new DensityMatrixSimulator().expectations(midCircuit, RunOptions.shots(0, 1),
                List.of(PauliString.parse("Z")))).hasMessageContaining("qubit 0 is used after it is measured");
    }

    /** --expect on the density engine: the values come from the ρ whose counts are reported. */
    @Test
    void aRunWithExpectationsGivesTheRunsCountsAndTheValuesOfItsDensityMatrix() {
        double p = 0.1;
        Circuit bell = Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        DensityMatrixSimulator noisy = new DensityMatrixSimulator(UniformNoiseModel.depolarizing(p, 0.05));
        RunOptions options = RunOptions.shots(3000, 23);
        List<PauliString> paulis = java.util.stream.Stream.of("ZZ", "XX", "YY", "ZI").map(PauliString::parse).toList();
        io.qubench.sim.ResultWithExpectations run = noisy.runWithExpectations(bell, options, paulis);

        assertThat(run.result().counts()).isEqualTo(noisy.run(bell, options).counts());
        assertThat(run.expectations()).containsExactly(new double[] {1 - p, (1 - p) * (1 - p), -(1 - p) * (1 - p), 0}, within(1e-12));
    }

    @Test
    void xThenDepolarizingGivesOneMinusHalfP() {
        double p = 0.2;
        double[] probs = new DensityMatrixSimulator(UniformNoiseModel.depolarizing(p, 0))
                .probabilities(Circuit.builder().qubits(1).x(0).build(), RunOptions.shots(0, 1));
        assertThat(probs[1]).isCloseTo(1 - p / 2, within(1e-12));
    }

    @Test
    void amplitudeDampingEmptiesTheExcitedState() {
        double[] probs = new DensityMatrixSimulator(after1q(Channels.amplitudeDamping(0.3)))
                .probabilities(Circuit.builder().qubits(2).x(1).build(), RunOptions.shots(0, 1));
        assertThat(probs[2]).isCloseTo(0.7, within(1e-12));
        assertThat(probs[0]).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void noisyEvolutionKeepsRhoHermitianWithTraceOne() {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(9, 4, 60);
        DensityState state = new DensityState(4, new UniformNoiseModel(Channels.thermalRelaxation(50e-6, 40e-6, 2e-6, 0.01),
                Channels.depolarizing(0.05, 2), null), ParallelPolicy.SEQUENTIAL);
        state.applyGates(c.operations().stream().map(o -> (GateOperation) o).toList());
        assertThat(state.trace()).isCloseTo(1, within(1e-12));
        for (int r = 0; r < 16; r++) {
            for (int col = 0; col < 16; col++) {
                double[] a = state.entry(r, col);
                double[] b = state.entry(col, r);
                assertThat(a[0]).isCloseTo(b[0], within(1e-12));
                assertThat(a[1]).isCloseTo(-b[1], within(1e-12));
            }
        }
    }

    /** ρ ↦ Σ K ρ K† with every operator embedded in the full space: the definition, for a few qubits. */
    private static Matrix krausSum(Matrix rho, List<Matrix> kraus, List<Integer> qubits, int n) {
        int[] q = qubits.stream().mapToInt(Integer::intValue).toArray();
        Matrix sum = null;
        for (Matrix k : kraus) {
            Matrix full = k.embed(n, q);
            Matrix term = full.multiply(rho).multiply(full.adjoint());
            sum = sum == null ? term : sum.plus(term);
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5})
    void depolarizingChannelsKeptApartMatchTheirKrausSums(int n) {
        NoiseModel noise = new UniformNoiseModel(Channels.depolarizing(0.05, 1), Channels.depolarizing(0.08, 2), null);
        Circuit c = ReferenceSimulatorProperties.randomCircuit(40 + n, n, 50);
        List<GateOperation> gates = c.operations().stream().map(o -> (GateOperation) o).toList();
        DensityState state = new DensityState(n, noise, ParallelPolicy.allCores(16));
        state.applyGates(gates);

        double[] start = new double[2 << (2 * n)];
        start[0] = 1;
        Matrix rho = Matrix.of(1 << n, start);
        for (GateOperation g : gates) {
            rho = krausSum(rho, List.of(io.qubench.circuit.Gates.matrix(g.gate(), g.paramValues(Map.of()))), g.qubits(), n);
            for (NoiseModel.Applied a : noise.after(g)) {
                rho = krausSum(rho, a.channel().kraus(), a.qubits(), n);
            }
        }
        for (int r = 0; r < 1 << n; r++) {
            for (int col = 0; col < 1 << n; col++) {
                assertThat(state.entry(r, col)[0]).as("re ρ[%d][%d]", r, col).isCloseTo(rho.re(r, col), within(1e-12));
                assertThat(state.entry(r, col)[1]).as("im ρ[%d][%d]", r, col).isCloseTo(rho.im(r, col), within(1e-12));
            }
        }
    }

    @Test
    void depolarizingChannelsAreRecognisedFromTheirSuperoperatorAndOthersAreNot() {
        for (int k : new int[] {1, 2}) {
            double p = 0.06;
            // (1 − p)ρ + p·I/d: λ = 1 − p, μ = p/d.
            double[] lambdaMu = DensityState.depolarizing(Channels.depolarizing(p, k).superoperator());
            assertThat(lambdaMu).isNotNull();
            assertThat(lambdaMu[0]).isCloseTo(1 - p, within(1e-12));
            assertThat(lambdaMu[1]).isCloseTo(p / (1 << k), within(1e-12));
        }
        assertThat(DensityState.depolarizing(Channels.amplitudeDamping(0.1).superoperator())).isNull();
        assertThat(DensityState.depolarizing(Channels.pauli(0.1, 0, 0).superoperator())).isNull();
        assertThat(DensityState.depolarizing(Channels.thermalRelaxation(50e-6, 40e-6, 2e-6, 0.01).superoperator())).isNull();
        // Near full depolarization λ → 0: the superoperator path keeps the accuracy.
        assertThat(DensityState.depolarizing(Channels.depolarizing(0.9, 1).superoperator())).isNull();
    }

    @Test
    void thousandsOfStrongChannelsRescaleTheStoredMatrixInsteadOfUnderflowing() {
        // λ = 1/2 per channel: after 3,000 of them the factor kept apart would be 2^-3000, far below the smallest double.
        DensityState state = new DensityState(2, UniformNoiseModel.depolarizing(0.5, 0), ParallelPolicy.SEQUENTIAL);
        CircuitBuilder b = Circuit.builder().qubits(2);
        for (int i = 0; i < 1500; i++) {
            b.h(0).cx(0, 1);
        }
        state.applyGates(b.build().operations().stream().map(o -> (GateOperation) o).toList());
        assertThat(state.trace()).isCloseTo(1, within(1e-9));
        for (int i = 0; i < 4; i++) {
            assertThat(state.probability(i)).isCloseTo(0.25, within(1e-9));
        }
    }

    @Test
    void oneQubitGatesInARowOnAQubitAreOneSuperoperatorPassUnlessAGateOnThatQubitComesBetween() {
        NoiseModel damping = after1q(Channels.amplitudeDamping(0.05));
        List<GateOperation> inARow = Circuit.builder().qubits(2).h(0).x(1).gate(StandardGate.RX, new double[] {0.3}, 0).build()
                .operations().stream().map(o -> (GateOperation) o).toList();
        // h and rx on qubit 0 (x on qubit 1 between them commutes): two passes, not three.
        assertThat(DensityState.batches(2, damping, inARow)).singleElement().satisfies(b -> assertThat(b.steps()).hasSize(2));
        List<GateOperation> apart = Circuit.builder().qubits(2).h(0).cx(0, 1).gate(StandardGate.RX, new double[] {0.3}, 0).build()
                .operations().stream().map(o -> (GateOperation) o).toList();
        // h; cx on the rows and on the columns; the channel after cx on each of its qubits, the one on
        // qubit 0 merged with rx: the cx keeps h and rx apart, so five passes.
        assertThat(DensityState.batches(2, damping, apart)).singleElement().satisfies(b -> assertThat(b.steps()).hasSize(5));

        // And the merged passes give the same ρ as the Kraus sums, gate by gate.
        DensityState state = new DensityState(2, damping, ParallelPolicy.SEQUENTIAL);
        state.applyGates(inARow);
        double[] start = new double[32];
        start[0] = 1;
        Matrix rho = Matrix.of(4, start);
        for (GateOperation g : inARow) {
            rho = krausSum(rho, List.of(io.qubench.circuit.Gates.matrix(g.gate(), g.paramValues(Map.of()))), g.qubits(), 2);
            for (NoiseModel.Applied a : damping.after(g)) {
                rho = krausSum(rho, a.channel().kraus(), a.qubits(), 2);
            }
        }
        for (int r = 0; r < 4; r++) {
            for (int col = 0; col < 4; col++) {
                assertThat(state.entry(r, col)[0]).as("re ρ[%d][%d]", r, col).isCloseTo(rho.re(r, col), within(1e-12));
                assertThat(state.entry(r, col)[1]).as("im ρ[%d][%d]", r, col).isCloseTo(rho.im(r, col), within(1e-12));
            }
        }
    }

    @Test
    void aDeepNoisyRunWarmsItsKernelsUpFirstAndALightOneDoesNot() {
        NoiseModel noise = UniformNoiseModel.depolarizing(0.01, 0.02);
        List<GateOperation> deep = ReferenceSimulatorProperties.randomCircuit(7, 10, 500).operations().stream()
                .map(o -> (GateOperation) o).toList();
        Warmup warmup = DensityState.warmupFor(10, DensityState.batches(10, noise, deep));
        assertThat(warmup).isNotSameAs(Warmup.NONE);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), warmup::await);
        // The same kernels on this thread, so that an error in one fails here rather than in the daemon thread.
        org.assertj.core.api.Assertions.assertThatCode(warmup::run).doesNotThrowAnyException();

        assertThat(DensityState.warmupFor(10, DensityState.batches(10, noise, deep.subList(0, 100)))).isSameAs(Warmup.NONE);
        assertThat(DensityState.warmupFor(9, DensityState.batches(9, noise, ReferenceSimulatorProperties.randomCircuit(7, 9, 2000).operations().stream()
                .map(o -> (GateOperation) o).toList()))).isSameAs(Warmup.NONE);
    }

    @Test
    void readoutErrorFlipsTheReportedBits() {
        NoiseModel readout = new UniformNoiseModel(null, null, new ReadoutError(0.1, 0.0));
        SimulationResult r = new DensityMatrixSimulator(readout)
                .run(Circuit.builder().qubits(1).clbits(1).measure(0, 0).build(), RunOptions.shots(10_000, 3));
        assertThat((double) r.counts().get("1")).isCloseTo(1000, within(4 * Math.sqrt(900.0)));
        assertThat(r.engine()).isEqualTo("density");
    }

    @Test
    void midCircuitMeasurementAndConditionsFollowTheReference() {
        CircuitBuilder b = Circuit.builder().qubits(3);
        ClassicalRegister c = b.addClassicalRegister("c", 3);
        b.gate(StandardGate.RY, new double[] {1.1}, 0).cx(0, 1).measure(0, 0)
                .add(new GateOperation(StandardGate.X, List.of(), List.of(2), Condition.onRegister(c, 1)))
                .reset(0).h(0).measure(0, 1).measure(2, 2);
        Circuit circuit = b.build();
        Map<String, Integer> density = new DensityMatrixSimulator().run(circuit, RunOptions.shots(8000, 1)).counts();
        Map<String, Integer> reference = new ReferenceSimulator().run(circuit, RunOptions.shots(8000, 2)).counts();
        assertThat(density.keySet()).isEqualTo(reference.keySet());
        density.forEach((k, v) -> assertThat((double) v).isCloseTo(reference.get(k), within(400.0)));
    }

    @Test
    void aFortyQubitDensityMatrixIsRefusedWithAHint() {
        assertThatThrownBy(() -> new DensityMatrixSimulator().run(Circuit.builder().qubits(40).h(0).build(), RunOptions.shots(1, 1)))
                .isInstanceOf(SimulationException.class).hasMessageContaining("40-qubit density matrix")
                .hasMessageContaining("trajectory");
    }

    @Test
    void thereIsNoStateVector() {
        assertThatThrownBy(() -> new DensityMatrixSimulator().run(Circuit.builder().qubits(1).h(0).build(),
                RunOptions.shots(1, 1).withStatevector(true))).hasMessageContaining("no state vector");
    }

    @Test
    void readoutIsOptional() {
        assertThat(NoiseModel.IDEAL.readout(0)).isEqualTo(Optional.empty());
    }
}
