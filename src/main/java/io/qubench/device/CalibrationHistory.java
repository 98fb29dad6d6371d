package io.qubench.device;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps devices' calibration snapshots in a {@link CalibrationStore} so trends and drift have
 * data: each shipped device's real snapshot (source {@value #SHIPPED}) and, until real history
 * exists, its {@link EmulatedDrift} history (source {@value #EMULATED}, device name labelled
 * {@link EmulatedDrift#LABEL}); imported snapshots as {@code imported:<file>}.
 */
public final class CalibrationHistory {

    public static final String SHIPPED = "shipped";
    public static final String EMULATED = "emulated drift";
    public static final String IMPORTED = "imported:";
    /** Days of emulated history seeded per device. */
    public static final int EMULATED_DAYS = 90;
    /** The emulation's seed: the same history every run. */
    public static final long EMULATED_SEED = 1;

    private final CalibrationStore store;

    public CalibrationHistory(CalibrationStore store) {
        this.store = store;
    }

    public CalibrationStore store() {
        return store;
    }

    /** Seeds every shipped device with {@value #EMULATED_DAYS} days. */
    public void seedShipped() {
        ShippedDevices.all().forEach(d -> seed(d, EMULATED_DAYS));
    }

    /**
     * Keeps {@code device}'s real snapshot and {@code days} days of emulated history ending with
     * it (the real one is kept once). Seeding again adds nothing.
     */
    public void seed(Device device, int days) {
        store.save(device.calibration(), SHIPPED);
        for (Calibration c : EmulatedDrift.history(device, days, EMULATED_SEED)) {
            store.save(c, EMULATED);
        }
    }

    /** Keeps an imported device's snapshot and returns its id. */
    public String keepImported(Device device, Path file) {
        return store.save(device.calibration(), IMPORTED + file.toAbsolutePath());
    }

    /** {@code device}'s snapshots, real and emulated together, oldest first. */
    public List<Calibration> trend(Device device) {
        String name = device.calibration().device();
        List<Calibration> all = new ArrayList<>(store.history(name));
        all.addAll(store.history(name + EmulatedDrift.LABEL));
        all.sort(Comparator.comparing(c -> c.timestamp().toInstant()));
        return all;
    }

    /** The days of {@code device}'s trend far from their trailing baseline. */
    public List<DriftDetector.Flagged> drift(Device device) {
        return DriftDetector.flag(trend(device));
    }

    /** Whether a snapshot is emulated rather than measured. */
    public static boolean isEmulated(Calibration c) {
        return c.device().endsWith(EmulatedDrift.LABEL);
    }
}
