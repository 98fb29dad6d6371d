package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.PauliString;
import io.qubench.sim.RunOptions;
import io.qubench.sim.statevector.StateVectorSimulator;

class PauliZExpectationTest {

    @Test
    void bitZeroIsTheRightmostCharacter() {
        Map<String, Integer> counts = Map.of("01", 75, "00", 25);
        assertThat(PauliZExpectation.of(counts, "IZ")).isCloseTo(-0.5, within(1e-12));
        assertThat(PauliZExpectation.of(counts, "ZI")).isCloseTo(1.0, within(1e-12));
        assertThat(PauliZExpectation.of(counts, "ZZ")).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void spacesBetweenRegistersAreIgnored() {
        Map<String, Integer> counts = Map.of("1 01", 10, "0 00", 30);
        assertThat(PauliZExpectation.of(counts, "ZII")).isCloseTo(0.5, within(1e-12));
        assertThat(PauliZExpectation.of(counts, "ZIZ")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void agreesWithTheExactExpectationOfTheSampledState() {
        Circuit c = Circuit.builder().qubits(3).clbits(3).gate(StandardGate.RY, new double[] {1.1}, 0)
                .h(1).cx(1, 2).measureAll().build();
        var result = new StateVectorSimulator().run(c, RunOptions.shots(200_000, 7));
        Circuit unitary = Circuit.builder().qubits(3).gate(StandardGate.RY, new double[] {1.1}, 0)
                .h(1).cx(1, 2).build();
        double[] exact = new StateVectorSimulator().expectations(unitary, RunOptions.shots(0, 0),
                List.of(PauliString.parse("IIZ"), PauliString.parse("ZZI")));
        assertThat(PauliZExpectation.of(result.counts(), "IIZ")).isCloseTo(exact[0], within(0.01));
        assertThat(PauliZExpectation.of(result.counts(), "ZZI")).isCloseTo(exact[1], within(1e-12));
    }

    @Test
    void lettersOtherThanIAndZOrTheWrongWidthAreRefused() {
        assertThatThrownBy(() -> PauliZExpectation.of(Map.of("01", 1), "XZ")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'X' at position 1");
        assertThatThrownBy(() -> PauliZExpectation.of(Map.of("011", 1), "ZZ")).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("'011' has 3 bits");
    }
}
