package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalibrationHistoryTest {

    private final InMemoryCalibrationStore store = new InMemoryCalibrationStore();
    private final CalibrationHistory history = new CalibrationHistory(store);
    private final Device nairobi = ShippedDevices.load("nairobi");

    @Test
    void seedingKeepsTheRealSnapshotOnceAsShippedAndTheEmulatedDaysLabelled() {
        history.seed(nairobi, 90);
        List<InMemoryCalibrationStore.Entry> real = store.entries("ibm_nairobi");
        assertThat(real).singleElement().satisfies(e -> {
            assertThat(e.calibration()).isEqualTo(nairobi.calibration());
            assertThat(e.source()).isEqualTo(CalibrationHistory.SHIPPED);
        });
        List<InMemoryCalibrationStore.Entry> emulated = store.entries("ibm_nairobi" + EmulatedDrift.LABEL);
        assertThat(emulated).hasSize(89).allSatisfy(e -> assertThat(e.source()).isEqualTo(CalibrationHistory.EMULATED));
        assertThat(store.latest("ibm_nairobi")).contains(nairobi.calibration());
    }

    @Test
    void theTrendJoinsRealAndEmulatedDaysOldestFirstEndingWithTheRealOne() {
        history.seed(nairobi, 90);
        List<Calibration> trend = history.trend(nairobi);
        assertThat(trend).hasSize(90).isEqualTo(EmulatedDrift.history(nairobi, 90, CalibrationHistory.EMULATED_SEED));
        assertThat(trend.getLast()).isEqualTo(nairobi.calibration());
        assertThat(CalibrationHistory.isEmulated(trend.getFirst())).isTrue();
        assertThat(CalibrationHistory.isEmulated(trend.getLast())).isFalse();
    }

    @Test
    void seedingTwiceAddsNothing() {
        history.seed(nairobi, 30);
        history.seed(nairobi, 30);
        assertThat(history.trend(nairobi)).hasSize(30);
    }

    @Test
    void everyShippedDeviceGetsItsHistory() {
        history.seedShipped();
        for (Device d : ShippedDevices.all()) {
            assertThat(history.trend(d)).as(d.name()).hasSize(CalibrationHistory.EMULATED_DAYS);
        }
    }

    @Test
    void anImportedSnapshotIsKeptWithItsFile() {
        String id = history.keepImported(nairobi, Path.of("/tmp/props_nairobi.json"));
        assertThat(store.source(id)).contains("imported:/tmp/props_nairobi.json");
    }
}
