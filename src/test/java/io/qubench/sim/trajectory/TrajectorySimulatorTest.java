package io.qubench.sim.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.noise.Channels;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.UniformNoiseModel;
import io.qubench.sim.Bitstrings;
import io.qubench.sim.Engine;
import io.qubench.sim.ReferenceSimulatorProperties;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.density.DensityMatrixSimulator;
import io.qubench.sim.statevector.ParallelPolicy;

class TrajectorySimulatorTest {

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
