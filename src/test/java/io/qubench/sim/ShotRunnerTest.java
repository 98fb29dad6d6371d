package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;

class ShotRunnerTest {

    @Test
    void theFinalStateIsReadOnceBetweenTheGatesAndTheSamplingOfTheSameState() {
        Circuit bell = Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        RunOptions options = RunOptions.shots(500, 7);
        List<ReferenceState> made = new ArrayList<>();
        List<double[]> read = new ArrayList<>();
        ShotRunner<ReferenceState> runner = new ShotRunner<>(ShotRunner.prepare(bell, options), options, q -> {
            ReferenceState s = new ReferenceState(q);
            made.add(s);
            return s;
        });
        SimulationResult result = runner.run(bell, "reference", System.nanoTime(), s -> read.add(s.amplitudes()));

        assertThat(made).hasSize(1);
        assertThat(read).hasSize(1);
        double h = Math.sqrt(0.5);
        assertThat(read.get(0)).containsExactly(new double[] {h, 0, 0, 0, 0, 0, h, 0}, org.assertj.core.api.Assertions.within(1e-12));
        // The same counts as a run that reads nothing: reading leaves the state and the random stream alone.
        assertThat(result.counts()).isEqualTo(new ReferenceSimulator().run(bell, options).counts());
    }

    @Test
    void aCircuitWithoutOneFinalStateIsRefusedBeforeAStateIsMade() {
        Circuit midCircuit = Circuit.builder().qubits(1).clbits(1).h(0).measure(0, 0).h(0).build();
        RunOptions options = RunOptions.shots(10, 1);
        List<ReferenceState> made = new ArrayList<>();
        ShotRunner<ReferenceState> runner = new ShotRunner<>(ShotRunner.prepare(midCircuit, options), options, q -> {
            ReferenceState s = new ReferenceState(q);
            made.add(s);
            return s;
        });
        assertThatThrownBy(() -> runner.run(midCircuit, "reference", System.nanoTime(), s -> { }))
                .isInstanceOf(SimulationException.class).hasMessageContaining("qubit 0 is used after it is measured");
        assertThat(made).isEmpty();
    }
}
