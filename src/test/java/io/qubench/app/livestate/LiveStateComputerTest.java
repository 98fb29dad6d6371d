package io.qubench.app.livestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.BenchmarkCircuits;

class LiveStateComputerTest {

    private final LiveStateComputer computer = new LiveStateComputer();

    @Test
    void aUniformStateShowsTheTopKAndCountsEveryNonZeroState() {
        Circuit c = Circuit.builder().qubits(6).h(0).h(1).h(2).h(3).h(4).h(5).build();
        LiveState s = computer.compute(c, 8);
        assertThat(s.nonZero()).isEqualTo(64);
        assertThat(s.probabilities()).hasSize(8);
        // ties go to the lower basis index, shown in basis order
        assertThat(s.probabilities()).extracting(LiveState.Amplitude::bitstring)
                .containsExactly("000000", "000001", "000010", "000011", "000100", "000101", "000110", "000111");
        assertThat(s.amplitudes()).hasSize(64);
        assertThat(s.amplitudes().getFirst().re()).isCloseTo(1 / 8.0, within(1e-12));
    }

    @Test
    void theLargestProbabilitiesAreChosen() {
        // ry(2·asin(√0.9)) on q0: P(1) = 0.9
        Circuit c = Circuit.builder().qubits(2).gate(StandardGate.RY,
                new double[] {2 * Math.asin(Math.sqrt(0.9))}, 0).h(1).build();
        LiveState s = computer.compute(c, 2);
        assertThat(s.probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("01", "11");
        assertThat(s.probabilities().getFirst().probability()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void distinctProbabilitiesAreCutAtTheKthLargest() {
        // P(q0 = 1) = 0.8, P(q1 = 1) = 0.3: 00 → 0.14, 01 → 0.56, 10 → 0.06, 11 → 0.24
        Circuit c = Circuit.builder().qubits(2)
                .gate(StandardGate.RY, new double[] {2 * Math.asin(Math.sqrt(0.8))}, 0)
                .gate(StandardGate.RY, new double[] {2 * Math.asin(Math.sqrt(0.3))}, 1).build();
        assertThat(computer.compute(c, 2).probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("01", "11");
        assertThat(computer.compute(c, 3).probabilities()).extracting(LiveState.Amplitude::bitstring)
                .containsExactly("00", "01", "11");
        assertThat(computer.compute(c, 3).amplitudes()).hasSize(4);
    }

    @Test
    void phasesAndBlochVectorsComeFromTheSameState() {
        Circuit c = Circuit.builder().qubits(1).h(0).gate(StandardGate.S, 0).build();
        LiveState s = computer.compute(c, 4);
        assertThat(s.amplitudes().get(1).phase()).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(s.bloch().getFirst().y()).isCloseTo(1, within(1e-12));
        assertThat(s.qubitLabels()).containsExactly("q[0]");
    }

    @Test
    void sixteenQubitsGiveEveryPartOfTheState() {
        LiveState s = computer.compute(BenchmarkCircuits.qft(16), 32);
        assertThat(s.qubits()).isEqualTo(16);
        assertThat(s.bloch()).hasSize(16);
        assertThat(s.amplitudes()).hasSizeLessThanOrEqualTo(LiveStateComputer.MAX_AMPLITUDE_ROWS);
        double total = s.amplitudes().stream().mapToDouble(LiveState.Amplitude::probability).sum();
        assertThat(total).isLessThanOrEqualTo(1 + 1e-9);
    }
}
