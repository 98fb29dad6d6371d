package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.device.Calibration;
import io.qubench.device.CalibrationStore;
import io.qubench.device.Device;
import io.qubench.device.EmulatedDrift;
import io.qubench.device.GateCalibration;
import io.qubench.device.QubitCalibration;
import io.qubench.device.ShippedDevices;

class H2CalibrationStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aShippedSnapshotComesBackEqualIncludingMissingValues() {
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            CalibrationStore store = db.calibrations();
            for (Device d : ShippedDevices.all()) {
                String id = store.save(d.calibration(), "shipped");
                assertThat(store.find(id)).as(d.name()).contains(d.calibration());
            }
        }
    }

    @Test
    void notANumberSurvivesTheRoundTrip() {
        Calibration c = new Calibration("toy", OffsetDateTime.parse("2026-11-30T12:00:00+01:00"),
                List.of(new QubitCalibration(Double.NaN, 1e-4, 0.01, 0.02, Double.NaN)),
                List.of(new GateCalibration("cz", List.of(0, 1), 0.5, Double.NaN)));
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            Calibration back = db.calibrations().find(db.calibrations().save(c, "test")).orElseThrow();
            assertThat(back).isEqualTo(c);
            assertThat(back.timestamp().getOffset()).isEqualTo(c.timestamp().getOffset());
            assertThat(back.gates().getFirst().isBroken()).isTrue();
        }
    }

    @Test
    void savingAnEqualSnapshotAgainReturnsTheSameIdWithoutASecondCopy() {
        Calibration c = ShippedDevices.load("manila").calibration();
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            String first = db.calibrations().save(c, "shipped");
            String again = db.calibrations().save(new Calibration(c.device(), c.timestamp(), c.qubits(), c.gates()), "imported:/tmp/x.json");
            assertThat(again).isEqualTo(first);
            assertThat(db.calibrations().history(c.device())).hasSize(1);
        }
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            assertThat(db.calibrations().save(c, "shipped")).as("after reopening").isNotBlank();
            assertThat(db.calibrations().history(c.device())).hasSize(1);
        }
    }

    @Test
    void twoInstancesSavingTheSameSnapshotAtOnceKeepOneCopy() throws Exception {
        List<Calibration> days = EmulatedDrift.history(ShippedDevices.load("manila"), 10, 5);
        DataDirectory dir = DataDirectory.create(tmp);
        try (HistoryDatabase a = HistoryDatabase.open(dir); HistoryDatabase b = HistoryDatabase.open(dir)) {
            List<String> idsFromB = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread other = Thread.ofPlatform().start(() -> days.forEach(c -> idsFromB.add(b.calibrations().save(c, "b"))));
            List<String> idsFromA = days.stream().map(c -> a.calibrations().save(c, "a")).toList();
            other.join();
            assertThat(idsFromB).containsExactlyElementsOf(idsFromA);
            // The real snapshot and the emulated ones carry different device names.
            assertThat(days.stream().map(Calibration::device).distinct().mapToInt(d -> a.calibrations().history(d).size()).sum())
                    .isEqualTo(10);
        }
    }

    @Test
    void historyIsOldestFirstAndLatestIsTheNewestWhateverTheOrderOfSaving() {
        Device d = ShippedDevices.load("nairobi");
        List<Calibration> days = EmulatedDrift.history(d, 5, 11);
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            CalibrationStore store = db.calibrations();
            for (Calibration c : days.reversed()) {
                store.save(c, "emulated drift");
            }
            List<Calibration> history = store.history(days.getFirst().device());
            assertThat(history).extracting(Calibration::timestamp).isSorted();
            assertThat(store.latest(days.getFirst().device()).orElseThrow().timestamp())
                    .isEqualTo(history.getLast().timestamp());
            assertThat(store.history("no such device")).isEmpty();
            assertThat(store.latest("no such device")).isEmpty();
            assertThat(store.find("missing")).isEmpty();
        }
    }
}
