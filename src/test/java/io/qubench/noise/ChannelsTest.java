package io.qubench.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Matrix;

class ChannelsTest {

    private static List<QuantumChannel> samples() {
        return List.of(Channels.depolarizing(0.1, 1), Channels.depolarizing(0.3, 2), Channels.depolarizing(4.0 / 3, 1),
                Channels.pauli(0.1, 0.2, 0.05), Channels.bitFlip(0.3), Channels.phaseFlip(0.7), Channels.amplitudeDamping(0.25),
                Channels.phaseDamping(0.4), Channels.thermalRelaxation(50e-6, 70e-6, 1e-6, 0),
                Channels.thermalRelaxation(100e-6, 20e-6, 5e-6, 0.1), Channels.thermalRelaxation(30e-6, 60e-6, 300e-6, 0.02));
    }

    @Test
    void everyChannelIsTracePreserving() {
        for (QuantumChannel c : samples()) {
            assertThat(c.isTracePreserving(1e-12)).as(c.name()).isTrue();
        }
    }

    /** Applies a one-qubit channel to a 2×2 density matrix. */
    static Matrix apply(QuantumChannel c, Matrix rho) {
        Matrix out = null;
        for (Matrix k : c.kraus()) {
            Matrix term = k.multiply(rho).multiply(k.adjoint());
            if (out == null) {
                out = term;
            } else {
                double[] a = out.toArray();
                double[] b = term.toArray();
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
                out = Matrix.of(out.dimension(), a);
            }
        }
        return out;
    }

    private static final Matrix ONE = Matrix.of(2, 0, 0, 0, 0, 0, 0, 1, 0);
    private static final Matrix PLUS = Matrix.of(2, 0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0);

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-6, 20e-6, 50e-6, 200e-6})
    void excitedPopulationDecaysAsExpMinusTOverT1(double t) {
        double t1 = 50e-6;
        Matrix rho = apply(Channels.thermalRelaxation(t1, 2 * t1, t, 0), ONE);
        assertThat(rho.re(1, 1)).isCloseTo(Math.exp(-t / t1), within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            50e-6, 30e-6, 10e-6
            80e-6, 160e-6, 40e-6
            20e-6, 5e-6, 1e-6
            """)
    void coherencesDecayAsExpMinusTOverT2(double t1, double t2, double t) {
        Matrix rho = apply(Channels.thermalRelaxation(t1, t2, t, 0), PLUS);
        assertThat(Math.hypot(rho.re(0, 1), rho.im(0, 1))).isCloseTo(0.5 * Math.exp(-t / t2), within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.0, 1
            0.01, 1
            0.2, 1
            0.05, 2
            0.5, 2
            """)
    void depolarizingAverageFidelityMatchesItsFormula(double p, int qubits) {
        QuantumChannel c = Channels.depolarizing(p, qubits);
        int d = 1 << qubits;
        double average = c.averageGateFidelity();
        assertThat(average).isCloseTo(1 - p * (d - 1) / (double) d, within(1e-12));
    }

    @Test
    void amplitudeDampingEmptiesOneWithProbabilityGamma() {
        assertThat(apply(Channels.amplitudeDamping(0.3), ONE).re(1, 1)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void theSuperoperatorActsLikeTheKrausSum() {
        QuantumChannel c = Channels.thermalRelaxation(40e-6, 30e-6, 7e-6, 0.05);
        Matrix rho = Matrix.of(2, 0.6, 0, 0.2, -0.3, 0.2, 0.3, 0.4, 0);
        Matrix expected = apply(c, rho);
        Matrix s = c.superoperator();
        // vec index r + 2c
        for (int r = 0; r < 2; r++) {
            for (int col = 0; col < 2; col++) {
                double re = 0;
                double im = 0;
                for (int r2 = 0; r2 < 2; r2++) {
                    for (int c2 = 0; c2 < 2; c2++) {
                        int row = r + 2 * col;
                        int cc = r2 + 2 * c2;
                        re += s.re(row, cc) * rho.re(r2, c2) - s.im(row, cc) * rho.im(r2, c2);
                        im += s.re(row, cc) * rho.im(r2, c2) + s.im(row, cc) * rho.re(r2, c2);
                    }
                }
                assertThat(re).isCloseTo(expected.re(r, col), within(1e-12));
                assertThat(im).isCloseTo(expected.im(r, col), within(1e-12));
            }
        }
    }

    @Test
    void badParametersNameWhatIsWrong() {
        assertThatThrownBy(() -> Channels.depolarizing(1.5, 1)).hasMessageContaining("depolarizing probability p");
        assertThatThrownBy(() -> Channels.amplitudeDamping(-0.1)).hasMessageContaining("amplitude damping");
        assertThatThrownBy(() -> Channels.thermalRelaxation(10e-6, 30e-6, 1e-6, 0)).hasMessageContaining("cannot exceed 2·T1");
        assertThatThrownBy(() -> Channels.thermalRelaxation(10e-6, 10e-6, -1, 0)).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Channels.pauli(0.5, 0.5, 0.5)).hasMessageContaining("px + py + pz");
        assertThatThrownBy(() -> new ReadoutError(1.2, 0)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void uniformModelsParseFromTheCommandLineForm() {
        UniformNoiseModel m = UniformNoiseModel.parse("depolarizing=0.01, readout=0.02");
        assertThat(m.isIdeal()).isFalse();
        assertThat(m.readout(3)).contains(ReadoutError.symmetric(0.02));
        assertThat(UniformNoiseModel.parse("readout=0.1").oneQubit()).isNull();
        assertThatThrownBy(() -> UniformNoiseModel.parse("depolarising=0.1")).hasMessageContaining("unknown noise 'depolarising'");
        assertThatThrownBy(() -> UniformNoiseModel.parse("depolarizing")).hasMessageContaining("is not name=value");
        assertThatThrownBy(() -> UniformNoiseModel.parse("readout=lots")).hasMessageContaining("'lots'");
    }
}
