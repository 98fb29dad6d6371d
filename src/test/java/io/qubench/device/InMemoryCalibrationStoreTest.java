package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class InMemoryCalibrationStoreTest {

    private final InMemoryCalibrationStore store = new InMemoryCalibrationStore();
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-20T12:00:00Z");

    private static Calibration snapshot(String device, OffsetDateTime when, double t1) {
        return new Calibration(device, when, List.of(new QubitCalibration(t1, t1, 0.01, 0.02, 1e-6)),
                List.of(new GateCalibration("sx", List.of(0), 2e-4, 3.2e-8)));
    }

    @Test
    void historyIsOldestFirstWhateverTheOrderOfSaving() {
        Calibration today = snapshot("ibm_x", NOON, 1e-4);
        Calibration yesterday = snapshot("ibm_x", NOON.minusDays(1), 1e-4);
        Calibration lastWeek = snapshot("ibm_x", NOON.minusDays(7), 1e-4);
        store.save(today, "shipped");
        store.save(lastWeek, "emulated drift");
        store.save(yesterday, "emulated drift");
        assertThat(store.history("ibm_x")).containsExactly(lastWeek, yesterday, today);
        assertThat(store.latest("ibm_x")).contains(today);
    }

    @Test
    void anEqualSnapshotIsKeptOnceUnderItsFirstIdAndSource() {
        String first = store.save(snapshot("ibm_x", NOON, 1e-4), "shipped");
        String again = store.save(snapshot("ibm_x", NOON, 1e-4), "imported:/tmp/props_x.json");
        assertThat(again).isEqualTo(first);
        assertThat(store.history("ibm_x")).hasSize(1);
        assertThat(store.source(first)).contains("shipped");
    }

    @Test
    void snapshotsDifferingInTimeOrAValueAreKeptApart() {
        String a = store.save(snapshot("ibm_x", NOON, 1e-4), "shipped");
        String b = store.save(snapshot("ibm_x", NOON, 1.1e-4), "shipped");
        String c = store.save(snapshot("ibm_x", NOON.plusHours(1), 1e-4), "shipped");
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(store.history("ibm_x")).hasSize(3);
        assertThat(store.find(b)).contains(snapshot("ibm_x", NOON, 1.1e-4));
    }

    @Test
    void devicesAreKeptApartAndUnknownOnesAreEmpty() {
        store.save(snapshot("ibm_x", NOON, 1e-4), "shipped");
        store.save(snapshot("ibm_y", NOON, 1e-4), "shipped");
        assertThat(store.history("ibm_x")).singleElement().extracting(Calibration::device).isEqualTo("ibm_x");
        assertThat(store.history("nowhere")).isEmpty();
        assertThat(store.latest("nowhere")).isEmpty();
        assertThat(store.find("calibration-99")).isEmpty();
        assertThat(store.source("calibration-99")).isEmpty();
    }

    @Test
    void snapshotsWithMissingValuesDeduplicateToo() {
        Calibration withNaN = new Calibration("ibm_x", NOON, List.of(new QubitCalibration(Double.NaN, 1e-4, 0.01, 0.01, Double.NaN)),
                List.of());
        String first = store.save(withNaN, "shipped");
        assertThat(store.save(new Calibration("ibm_x", NOON, withNaN.qubits(), List.of()), "shipped")).isEqualTo(first);
    }
}
