package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.PauliString;
import io.qubench.sim.ReferenceSimulator;
import io.qubench.sim.ReferenceSimulatorProperties;
import io.qubench.sim.RunOptions;

class ExpectationTest {

    private final StateVectorSimulator sim = new StateVectorSimulator(ParallelPolicy.allCores(16), 3);

    @ParameterizedTest
    @CsvSource(textBlock = """
            ZZ, 1
            XX, 1
            YY, -1
            ZI, 0
            IX, 0
            XY, 0
            """)
    void bellStateExpectations(String pauli, double expected) {
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).build();
        assertThat(sim.expectations(bell, RunOptions.shots(0, 1), List.of(PauliString.parse(pauli)))[0])
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void randomStatesAgreeWithTheDenseDefinition() {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(12, 5, 50);
        double[] sv = new ReferenceSimulator().run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        for (String p : List.of("XYZIZ", "YYYYY", "IIIIZ", "ZXZXZ", "IXIYI")) {
            Matrix op = Matrix.identity(1);
            for (char ch : new StringBuilder(p).reverse().toString().toCharArray()) {
                Matrix m = switch (ch) {
                    case 'X' -> StandardGate.X.matrix();
                    case 'Y' -> StandardGate.Y.matrix();
                    case 'Z' -> StandardGate.Z.matrix();
                    default -> Matrix.identity(2);
                };
                op = op.tensorBelow(m); // rightmost letter first: it acts on qubit 0
            }
            double expected = 0;
            for (int r = 0; r < 32; r++) {
                for (int col = 0; col < 32; col++) {
                    double ar = sv[2 * r];
                    double ai = -sv[2 * r + 1];
                    double br = op.re(r, col) * sv[2 * col] - op.im(r, col) * sv[2 * col + 1];
                    double bi = op.re(r, col) * sv[2 * col + 1] + op.im(r, col) * sv[2 * col];
                    expected += ar * br - ai * bi;
                }
            }
            double actual = sim.expectations(c, RunOptions.shots(0, 1), List.of(PauliString.parse(p)))[0];
            assertThat(actual).as(p).isCloseTo(expected, within(1e-10));
        }
    }

    @Test
    void aPauliStringOnListedAmplitudesAgreesWithTheEngine() {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(33, 6, 60);
        double[] amplitudes = new ReferenceSimulator().run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        for (String p : List.of("XYZIZY", "YYYYYY", "IIIIZZ", "ZXZXZX", "IXIYIX", "Y", "XX")) {
            double engine = sim.expectations(c, RunOptions.shots(0, 1), List.of(PauliString.parse(p)))[0];
            assertThat(PauliString.parse(p).expectationIn(amplitudes)).as(p).isCloseTo(engine, within(1e-10));
        }
        assertThatThrownBy(() -> PauliString.parse("XXXXXXX").expectationIn(amplitudes))
                .hasMessageContaining("'XXXXXXX' has 7 letters for a 6-qubit state");
    }

    /** --expect on the state-vector engine: the values come from the run whose counts are reported. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(io.qubench.sim.Precision.class)
    void aRunWithExpectationsGivesTheRunsCountsAndTheValuesOfItsState(io.qubench.sim.Precision precision) {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(44, 6, 60);
        io.qubench.circuit.CircuitBuilder b = Circuit.builder().qubits(6).clbits(6);
        c.operations().forEach(b::add);
        Circuit measured = b.measure(0, 0).measure(3, 3).measure(5, 5).build();
        RunOptions options = RunOptions.shots(2000, 19).withPrecision(precision);
        List<PauliString> paulis = List.of(PauliString.parse("XYZIZY"), PauliString.parse("ZZIIII"), PauliString.parse("IIIIIX"));
        io.qubench.sim.ResultWithExpectations run = sim.runWithExpectations(measured, options, paulis);

        assertThat(run.result().counts()).isEqualTo(sim.run(measured, options).counts());
        double[] amplitudes = new ReferenceSimulator().run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        double tolerance = precision == io.qubench.sim.Precision.SINGLE ? 1e-5 : 1e-10;
        for (int k = 0; k < paulis.size(); k++) {
            assertThat(run.expectations()[k]).as(paulis.get(k).toString()).isCloseTo(paulis.get(k).expectationIn(amplitudes), within(tolerance));
        }
        Circuit midCircuit = Circuit.builder().qubits(1).clbits(1).h(0).measure(0, 0).h(0).build();
        assertThatThrownBy(() -> sim.runWithExpectations(midCircuit, options, List.of(PauliString.parse("Z"))))
                .hasMessageContaining("before the final measurements");
    }

    @Test
    void terminalMeasurementsAreLeftOutAndTheStateBeforeThemIsUsed() {
        Circuit measured = Circuit.builder().qubits(2).clbits(2).h(0).measure(0, 0).h(1).build();
        assertThat(sim.expectations(measured, RunOptions.shots(0, 1), List.of(PauliString.parse("XX")))[0])
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void badPauliStringsAndMidCircuitMeasurementsAreClearErrors() {
        assertThatThrownBy(() -> PauliString.parse("XQZ")).hasMessageContaining("'Q' at position 2");
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).build();
        assertThatThrownBy(() -> sim.expectations(bell, RunOptions.shots(0, 1), List.of(PauliString.parse("XYZ"))))
                .hasMessageContaining("'XYZ' has 3 letters; the circuit has 2 qubits");
        Circuit midCircuit = Circuit.builder().qubits(1).clbits(1).h(0).measure(0, 0).h(0).build();
        assertThatThrownBy(() -> sim.expectations(midCircuit, RunOptions.shots(0, 1), List.of(PauliString.parse("Z"))))
                .hasMessageContaining("before the final measurements").hasMessageContaining("qubit 0 is used after it is measured");
    }

    @ParameterizedTest
    @CsvSource({"XIZ", "YYYY", "I", "ZXYI"})
    void aPauliStringPrintsAsTheLettersItWasReadFrom(String letters) {
        assertThat(PauliString.parse(letters.toLowerCase(java.util.Locale.ROOT))).hasToString(letters);
    }
}
