package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftDetectorTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-08-01T00:00:00Z");

    /** Emulated bad-calibration days: every error four times the real one's (drift alone stays far below 2.5). */
    private static Set<Integer> badDays(Device device, List<Calibration> history) {
        double real = device.calibration().medianTwoQubitError();
        Set<Integer> bad = new TreeSet<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).medianTwoQubitError() > 2.5 * real) {
                bad.add(i);
            }
        }
        return bad;
    }

    private static Set<Integer> flaggedDays(List<Calibration> history) {
        return DriftDetector.flag(history).stream().map(DriftDetector.Flagged::index).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theEmulatedBadCalibrationDaysOfNairobiAreExactlyTheFlaggedOnes() {
        Device nairobi = ShippedDevices.load("nairobi");
        List<Calibration> history = EmulatedDrift.history(nairobi, 90, 1);
        Set<Integer> bad = badDays(nairobi, history);
        assertThat(bad).hasSizeGreaterThan(3).allMatch(i -> i >= DriftDetector.MIN_BASELINE);
        assertThat(flaggedDays(history)).isEqualTo(bad);
    }

    @ParameterizedTest
    @CsvSource({"manila, 2", "guadalupe, 3", "hanoi, 4", "sherbrooke, 5", "kingston, 1"})
    void everyBadDayAfterTheFirstWeekIsFlaggedAndLittleElse(String name, long seed) {
        Device device = ShippedDevices.load(name);
        List<Calibration> history = EmulatedDrift.history(device, 90, seed);
        Set<Integer> bad = badDays(device, history);
        bad.removeIf(i -> i < DriftDetector.MIN_BASELINE);
        Set<Integer> flagged = flaggedDays(history);
        assertThat(flagged).containsAll(bad);
        flagged.removeAll(bad);
        assertThat(flagged).as("flagged days that were not bad").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void theReasonNamesTheFigureItsValueAndTheBaseline() {
        List<Calibration> history = new ArrayList<>();
        for (int day = 0; day < 20; day++) {
            double twoQubit = day == 15 ? 0.04 : 0.01 * (1 + 0.01 * (day % 3));
            history.add(day(day, twoQubit, 0.02));
        }
        List<DriftDetector.Flagged> flagged = DriftDetector.flag(history);
        assertThat(flagged).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(15);
            assertThat(f.snapshot()).isSameAs(history.get(15));
            assertThat(f.deviations()).singleElement().satisfies(d -> {
                assertThat(d.metric()).isEqualTo(DriftDetector.Metric.TWO_QUBIT_ERROR);
                assertThat(d.value()).isEqualTo(0.04);
                assertThat(d.baseline()).isEqualTo(0.0101);
                assertThat(d.mads()).isGreaterThan(DriftDetector.THRESHOLD);
            });
            assertThat(f.reason()).isEqualTo("median 2q error 0.0400 is 59.2 MADs above the 14-day median 0.0101");
        });
    }

    @Test
    void aReadoutJumpIsFlaggedAndAnImprovementToo() {
        List<Calibration> history = new ArrayList<>();
        for (int day = 0; day < 12; day++) {
            history.add(day(day, 0.01, day == 9 ? 0.08 : day == 11 ? 0.005 : 0.02));
        }
        List<DriftDetector.Flagged> flagged = DriftDetector.flag(history);
        assertThat(flagged).extracting(DriftDetector.Flagged::index).containsExactly(9, 11);
        assertThat(flagged.get(0).reason()).startsWith("median readout error 0.0800").contains("above");
        assertThat(flagged.get(1).reason()).contains("below");
    }

    @Test
    void aSteadyOrShortHistoryFlagsNothing() {
        List<Calibration> steady = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            steady.add(day(day, 0.01 * (1 + 0.02 * Math.sin(day)), 0.02));
        }
        assertThat(DriftDetector.flag(steady)).isEmpty();
        List<Calibration> shortOne = new ArrayList<>();
        for (int day = 0; day < DriftDetector.MIN_BASELINE; day++) {
            shortOne.add(day(day, day == DriftDetector.MIN_BASELINE - 1 ? 0.5 : 0.01, 0.02));
        }
        assertThat(DriftDetector.flag(shortOne)).as("no baseline yet").isEmpty();
    }

    @Test
    void aDeviceWithoutTwoQubitGatesIsJudgedOnReadoutAlone() {
        List<Calibration> history = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            history.add(new Calibration("one", START.plusDays(day), List.of(new QubitCalibration(1e-4, 1e-4, 0.02, 0.02, 1e-6)),
                    List.of()));
        }
        assertThat(DriftDetector.flag(history)).isEmpty();
    }

    private static Calibration day(int day, double twoQubitError, double readout) {
        return new Calibration("dev", START.plusDays(day),
                List.of(new QubitCalibration(1e-4, 1e-4, readout, readout, 1e-6), new QubitCalibration(1e-4, 1e-4, readout, readout, 1e-6)),
                List.of(new GateCalibration("cx", List.of(0, 1), twoQubitError, 3e-7)));
    }
}
