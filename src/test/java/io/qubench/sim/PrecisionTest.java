package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.qubench.circuit.Circuit;
import io.qubench.noise.NoiseModel;

/** Which engine runs a single-precision request, and which refuse it. */
class PrecisionTest {

    private static final RunOptions SINGLE = RunOptions.shots(100, 1).withPrecision(Precision.SINGLE);
    private final Circuit bell = Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measureAll().build();

    @Test
    void namesAreParsedAndUnknownOnesListTheKnownOnes() {
        assertThat(Precision.named(" Single ")).isEqualTo(Precision.SINGLE);
        assertThat(Precision.named("double")).isEqualTo(Precision.DOUBLE);
        assertThatThrownBy(() -> Precision.named("half")).isInstanceOf(SimulationException.class)
                .hasMessageContaining("unknown precision 'half'").hasMessageContaining("double, single");
    }

    @Test
    void optionsKeepTheirPrecisionThroughEveryCopyAndDefaultToDouble() {
        assertThat(RunOptions.shots(1, 1).precision()).isEqualTo(Precision.DOUBLE);
        assertThat(new RunOptions(1, 1, false, Map.of(), ProgressListener.NONE).precision()).isEqualTo(Precision.DOUBLE);
        RunOptions o = SINGLE.withStatevector(true).withParameters(Map.of("a", 1.0)).withProgress(ProgressListener.NONE);
        assertThat(o.precision()).isEqualTo(Precision.SINGLE);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"DENSITY", "TRAJECTORY", "STABILIZER", "REFERENCE"})
    void enginesWithoutSinglePrecisionRefuseItByName(Engine engine) {
        assertThatThrownBy(() -> engine.simulatorFor(bell, SINGLE, NoiseModel.IDEAL)).isInstanceOf(SimulationException.class)
                .hasMessageContaining("the " + engine.cliName() + " engine computes in double precision only")
                .hasMessageContaining("statevector");
    }

    @Test
    void autoHonoursSinglePrecisionWithTheStateVectorEvenForACliffordCircuit() {
        assertThat(Engine.choose(bell, RunOptions.shots(100, 1))).isEqualTo(Engine.STABILIZER);
        assertThat(Engine.choose(bell, SINGLE)).isEqualTo(Engine.STATEVECTOR);
        SimulationResult r = Engine.AUTO.simulatorFor(bell, SINGLE).run(bell, SINGLE);
        assertThat(r.engine()).isEqualTo("statevector");
        assertThat(r.counts()).containsOnlyKeys("00", "11");
    }

    @Test
    void aNoisyRunInSinglePrecisionIsRefusedRatherThanSilentlyRunInDouble() {
        NoiseModel noisy = io.qubench.noise.UniformNoiseModel.depolarizing(0.01, 0);
        assertThatThrownBy(() -> Engine.AUTO.simulatorFor(bell, SINGLE, noisy)).isInstanceOf(SimulationException.class)
                .hasMessageContaining("density or trajectory").hasMessageContaining("double precision only");
    }

    @Test
    void aSinglePrecisionRunMatchesTheDoubleOneToFloatAccuracy() {
        Circuit c = ReferenceSimulatorProperties.randomCircuit(3, 9, 120);
        RunOptions o = RunOptions.shots(0, 1).withStatevector(true);
        double[] d = Engine.STATEVECTOR.simulatorFor(c).run(c, o).statevector();
        double[] s = Engine.STATEVECTOR.simulatorFor(c).run(c, o.withPrecision(Precision.SINGLE)).statevector();
        for (int i = 0; i < d.length; i++) {
            assertThat(s[i]).isCloseTo(d[i], within(1e-5));
        }
    }
}
