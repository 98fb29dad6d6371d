package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.device.Calibration;
import io.qubench.device.QubitCalibration;

class ReadoutMitigationTest {

    private static final List<ReadoutConfusion> CONFUSIONS = List.of(new ReadoutConfusion(0.02, 0.05),
            new ReadoutConfusion(0.03, 0.08), new ReadoutConfusion(0.01, 0.04));

    @Test
    void undoesAKnownConfusionExactly() {
        Map<String, Double> truth = Map.of("000", 0.5, "111", 0.3, "010", 0.2);
        Map<String, Double> read = ReadoutMitigation.confuse(truth, CONFUSIONS);
        assertThat(read).hasSize(8);
        Map<String, Double> mitigated = ReadoutMitigation.tensoredInverse(read, CONFUSIONS);
        assertThat(mitigated).containsOnlyKeys("000", "111", "010");
        truth.forEach((k, p) -> assertThat(mitigated.get(k)).as(k).isCloseTo(p, within(1e-12)));
    }

    @Test
    void confusionOfBitZeroActsOnTheRightmostCharacter() {
        List<ReadoutConfusion> onlyBitZero = List.of(new ReadoutConfusion(0.1, 0), new ReadoutConfusion(0, 0));
        Map<String, Double> read = ReadoutMitigation.confuse(Map.of("00", 1.0), onlyBitZero);
        assertThat(read.get("01")).isCloseTo(0.1, within(1e-12));
        assertThat(read.get("00")).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void negativeQuasiProbabilitiesAreClippedAndTheRestRenormalised() {
        // 1000 shots all read 0 is more than a P(1|0) = 0.1 readout can produce from any state.
        Map<String, Double> mitigated = ReadoutMitigation.tensoredInverse(Map.of("0", 1000),
                List.of(new ReadoutConfusion(0.1, 0.1)));
        assertThat(mitigated).containsOnlyKeys("0");
        assertThat(mitigated.get("0")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void registerSpacingIsKept() {
        List<ReadoutConfusion> two = List.of(new ReadoutConfusion(0.05, 0.05), new ReadoutConfusion(0.05, 0.05));
        Map<String, Double> read = ReadoutMitigation.confuse(Map.of("1 0", 1.0), two);
        assertThat(read).containsKeys("0 0", "1 0", "0 1", "1 1");
        assertThat(ReadoutMitigation.tensoredInverse(read, two).get("1 0")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void confusionsComeFromADeviceCalibrationByMeasuredQubit() {
        Calibration cal = new Calibration("toy", OffsetDateTime.parse("2026-01-01T00:00Z"),
                List.of(new QubitCalibration(1e-4, 1e-4, 0.01, 0.02, 1e-6), new QubitCalibration(1e-4, 1e-4, 0.03, 0.04, 1e-6)),
                List.of());
        assertThat(ReadoutConfusion.forMeasuredQubits(cal, 1, 0))
                .containsExactly(new ReadoutConfusion(0.03, 0.04), new ReadoutConfusion(0.01, 0.02));
        assertThatThrownBy(() -> ReadoutConfusion.forMeasuredQubits(cal, 2)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("qubit 2").hasMessageContaining("toy");
    }

    @Test
    void mismatchedWidthsAndUselessReadoutsAreRefused() {
        assertThatThrownBy(() -> ReadoutMitigation.tensoredInverse(Map.of("01", 5), CONFUSIONS))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'01'").hasMessageContaining("3 bits");
        assertThatThrownBy(() -> new ReadoutConfusion(0.5, 0.5)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("cannot be inverted");
        assertThatThrownBy(() -> new ReadoutConfusion(Double.NaN, 0.1)).isInstanceOf(AnalysisException.class);
    }
}
