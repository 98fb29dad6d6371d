package io.qubench.device;

import java.util.List;
import java.util.Optional;

/**
 * Where calibration snapshots are kept over time, so drift and fidelity trends have data.
 * Implemented in memory here and by the run history's database.
 */
public interface CalibrationStore {

    /**
     * Keeps {@code calibration} and returns its id. Saving a snapshot equal to one already kept
     * (same device, timestamp and values) returns the existing id instead of a second copy.
     *
     * @param source where it came from, e.g. {@code shipped}, {@code imported:/path/file.json},
     *               {@code emulated drift}
     */
    String save(Calibration calibration, String source);

    /** Every snapshot of {@code device}, oldest first. */
    List<Calibration> history(String device);

    /** The newest snapshot of {@code device}, if any. */
    Optional<Calibration> latest(String device);

    /** The snapshot with this id, if kept. */
    Optional<Calibration> find(String id);
}
