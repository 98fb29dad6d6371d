package io.qubench.sim.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.noise.Channels;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.UniformNoiseModel;
import io.qubench.sim.Bitstrings;
import io.qubench.sim.Engine;
import io.qubench.sim.PauliString;
import io.qubench.sim.ReferenceSimulatorProperties;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.density.DensityMatrixSimulator;
import io.qubench.sim.statevector.ParallelPolicy;

class TrajectorySimulatorTest {

    /** Without noise every trajectory is the ideal one: the engine's counts follow the reference's. */
    @org.junit.jupiter.api.Nested
    class Contract extends io.qubench.sim.EngineContract {
        @Override
        protected io.qubench.sim.Simulator simulator() {
            return new TrajectorySimulator(NoiseModel.IDEAL);
        }
    }


    private static Circuit measured(Circuit c) {
        CircuitBuilder b = Circuit.builder().qubits(c.numQubits()).clbits(c.numQubits());
        c.operations().forEach(b::add);
        return b.measureAll().build();
    }

    /** Total variation distance between sampled counts and exact probabilities. */
    private static double distance(SimulationResult r, double[] exact, int qubits) {
        double tvd = 0;
        for (int i = 0; i < exact.length; i++) {
            double sampled = r.counts().getOrDefault(Bitstrings.ofIndex(i, qubits), 0) / (double) r.shots();
            tvd += Math.abs(sampled - exact[i]);
        }
        return tvd / 2;
    }

    @Test
    void depolarizingTrajectoriesMatchTheExactDensityMatrix() {
        Circuit c = measured(ReferenceSimulatorProperties.randomCircuit(4, 4, 30));
        NoiseModel noise = UniformNoiseModel.depolarizing(0.03, 0);
        double[] exact = new DensityMatrixSimulator(noise).probabilities(c, RunOptions.shots(0, 1));
        SimulationResult r = new TrajectorySimulator(noise, ParallelPolicy.SEQUENTIAL).run(c, RunOptions.shots(20_000, 5));
        assertThat(r.engine()).isEqualTo("trajectory");
        assertThat(distance(r, exact, 4)).isLessThan(0.03);
    }

    /**
     * The estimate over trajectories lies within a few standard errors of the density matrix's
     * exact Tr(ρP), for unitary-mixture noise (the tree of shared prefixes) and for amplitude
     * damping (shot by shot); terminal measurements are left out of the state.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"depolarizing", "amplitude damping"})
    void expectationEstimatesOverTrajectoriesAgreeWithTheExactDensityMatrix(String kind) {
        Circuit c = measured(ReferenceSimulatorProperties.randomCircuit(11, 3, 24));
        NoiseModel noise = kind.equals("depolarizing") ? UniformNoiseModel.depolarizing(0.05, 0)
                : new UniformNoiseModel(Channels.amplitudeDamping(0.1), Channels.depolarizing(0.05, 2), null);
        List<PauliString> paulis = List.of(PauliString.parse("ZZZ"), PauliString.parse("XIY"), PauliString.parse("Z"),
                PauliString.parse("III"));
        double[] exact = new DensityMatrixSimulator(noise).expectations(c, RunOptions.shots(0, 1), paulis);
        TrajectorySimulator.Run run = new TrajectorySimulator(noise).runWithExpectations(c, RunOptions.shots(4_000, 8), paulis);
        List<TrajectorySimulator.Estimate> estimates = run.expectations();
        assertThat(distance(run.result(), new DensityMatrixSimulator(noise).probabilities(c, RunOptions.shots(0, 1)), 3))
                .as("the counts of the same trajectories").isLessThan(0.05);
        for (int k = 0; k < 3; k++) {
            assertThat(estimates.get(k).standardError()).as(paulis.get(k).toString()).isGreaterThan(0);
            assertThat(estimates.get(k).value()).as(paulis.get(k).toString())
                    .isCloseTo(exact[k], within(4 * estimates.get(k).standardError() + 1e-9));
        }
        // The identity is 1 in every trajectory: no spread.
        assertThat(estimates.get(3).value()).isCloseTo(1.0, within(1e-12));
        assertThat(estimates.get(3).standardError()).isLessThan(1e-6);
    }

    @Test
    void expectationEstimatesWithoutNoiseAreTheIdealValuesWithNoSpread() {
        Circuit ghz = Circuit.builder().qubits(3).h(0).cx(0, 1).cx(1, 2).build();
        List<TrajectorySimulator.Estimate> e = new TrajectorySimulator(NoiseModel.IDEAL)
                .runWithExpectations(ghz, RunOptions.shots(10, 1), List.of(PauliString.parse("XXX"), PauliString.parse("ZI"))).expectations();
        assertThat(e.get(0).value()).isCloseTo(1.0, within(1e-12));
        assertThat(e.get(1).value()).isCloseTo(0.0, within(1e-12));
        assertThat(e.get(0).standardError()).isLessThan(1e-6);
    }

    @Test
    void expectationEstimatesRefuseTooFewTrajectoriesAndMidCircuitMeasurement() {
        NoiseModel noise = UniformNoiseModel.depolarizing(0.05, 0);
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).build();
        List<PauliString> zz = List.of(PauliString.parse("ZZ"));
        assertThatThrownBy(() -> new TrajectorySimulator(noise).runWithExpectations(bell, RunOptions.shots(1, 1), zz))
                .hasMessageContaining("at least 2 shots");
        Circuit midCircuit = Circuit.builder().qubits(2).clbits(1).h(0).measure(0, 0).cx(0, 1).build();
        assertThatThrownBy(() -> new TrajectorySimulator(noise).runWithExpectations(midCircuit, RunOptions.shots(100, 1), zz))
                .hasMessageContaining("before the final measurements");
    }

    @Test
    void amplitudeDampingTrajectoriesMatchTheExactDensityMatrix() {
        Circuit c = measured(ReferenceSimulatorProperties.randomCircuit(8, 3, 20));
        NoiseModel noise = new UniformNoiseModel(Channels.amplitudeDamping(0.1), Channels.depolarizing(0.05, 2), null);
        double[] exact = new DensityMatrixSimulator(noise).probabilities(c, RunOptions.shots(0, 1));
        SimulationResult r = new TrajectorySimulator(noise).run(c, RunOptions.shots(8_000, 6));
        assertThat(distance(r, exact, 3)).isLessThan(0.04);
    }

    @Test
    void theSameSeedGivesTheSameCounts() {
        Circuit c = measured(ReferenceSimulatorProperties.randomCircuit(2, 5, 40));
        NoiseModel noise = UniformNoiseModel.depolarizing(0.02, 0.01);
        Map<String, Integer> a = new TrajectorySimulator(noise).run(c, RunOptions.shots(500, 9)).counts();
        // Branches run on several workers in whatever order: each leaf's own generator keeps the counts fixed.
        for (int run = 0; run < 5; run++) {
            assertThat(new TrajectorySimulator(noise).run(c, RunOptions.shots(500, 9)).counts()).isEqualTo(a);
        }
    }

    @Test
    void interruptingTheRunningThreadCancelsTheBranchesOnEveryWorker() {
        Circuit c = measured(ReferenceSimulatorProperties.randomCircuit(3, 6, 60));
        NoiseModel noise = UniformNoiseModel.depolarizing(0.3, 0);
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TrajectorySimulator(noise).run(c, RunOptions.shots(200, 1)))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withoutNoiseEveryShotFollowsTheIdealState() {
        Circuit ghz = io.qubench.sim.BenchmarkCircuits.ghz(6);
        assertThat(new TrajectorySimulator(NoiseModel.IDEAL).run(ghz, RunOptions.shots(300, 1)).counts())
                .containsOnlyKeys("000000", "111111");
    }

    @Test
    void autoSendsNoisyCircuitsToDensityOrTrajectoriesBySize() {
        NoiseModel noise = UniformNoiseModel.depolarizing(0.01, 0);
        assertThat(Engine.choose(io.qubench.sim.BenchmarkCircuits.ghz(12), RunOptions.shots(1, 1), noise)).isEqualTo(Engine.DENSITY);
        assertThat(Engine.choose(io.qubench.sim.BenchmarkCircuits.ghz(13), RunOptions.shots(1, 1), noise)).isEqualTo(Engine.TRAJECTORY);
        assertThatThrownBy(() -> Engine.STATEVECTOR.simulatorFor(io.qubench.sim.BenchmarkCircuits.ghz(3), RunOptions.shots(1, 1), noise))
                .hasMessageContaining("without noise");
    }
}
