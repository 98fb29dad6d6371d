package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.PauliString;
import io.qubench.sim.RunOptions;
import io.qubench.sim.statevector.StateVectorSimulator;

class BlochVectorTest {

    private static double[] state(Circuit c) {
        return new StateVectorSimulator().run(c, RunOptions.shots(0, 0).withStatevector(true)).statevector();
    }

    @Test
    void basisAndEigenStatesPointAlongTheAxes() {
        // qubit 0: |1⟩, qubit 1: |+⟩, qubit 2: |+i⟩ = S H |0⟩, qubit 3: |0⟩
        Circuit c = Circuit.builder().qubits(4).x(0).h(1).h(2).gate(StandardGate.S, 2).build();
        BlochVector[] b = BlochVector.ofState(state(c), 4);
        assertVector(b[0], 0, 0, -1);
        assertVector(b[1], 1, 0, 0);
        assertVector(b[2], 0, 1, 0);
        assertVector(b[3], 0, 0, 1);
    }

    @Test
    void entangledQubitsHaveShortVectors() {
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).build();
        for (BlochVector v : BlochVector.ofState(state(bell), 2)) {
            assertThat(v.length()).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void agreesWithTheEnginesPauliExpectations() {
        Circuit c = Circuit.builder().qubits(3).gate(StandardGate.RY, new double[] {0.7}, 0)
                .gate(StandardGate.RX, new double[] {1.3}, 1).cx(0, 2).gate(StandardGate.T, 2).h(2).cx(1, 0).build();
        BlochVector[] b = BlochVector.ofState(state(c), 3);
        double[] e = new StateVectorSimulator().expectations(c, RunOptions.shots(0, 0), List.of(
                PauliString.parse("IIX"), PauliString.parse("IIY"), PauliString.parse("IIZ"),
                PauliString.parse("IXI"), PauliString.parse("IYI"), PauliString.parse("IZI"),
                PauliString.parse("XII"), PauliString.parse("YII"), PauliString.parse("ZII")));
        for (int q = 0; q < 3; q++) {
            assertVector(b[q], e[3 * q], e[3 * q + 1], e[3 * q + 2]);
        }
    }

    @Test
    void aVectorOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> BlochVector.ofState(new double[6], 2)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("2-qubit state has 8");
    }

    private static void assertVector(BlochVector v, double x, double y, double z) {
        assertThat(v.x()).isCloseTo(x, within(1e-12));
        assertThat(v.y()).isCloseTo(y, within(1e-12));
        assertThat(v.z()).isCloseTo(z, within(1e-12));
    }
}
