package io.qubench.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a run's result came from, enough to reproduce or distrust it.
 *
 * @param calibrationId the {@link io.qubench.device.CalibrationStore} id of the snapshot the run
 *                      was transpiled or emulated against, if any
 * @param transpilerSettings the transpiler's settings as name/value text, e.g. {@code layout=sabre}
 * @param seed the sampling seed, if the backend takes one
 */
public record Provenance(String backend, Optional<String> calibrationId, Map<String, String> transpilerSettings, int shots,
        Optional<Long> seed, String appVersion, Instant submittedAt, Instant completedAt) {

    public Provenance {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(calibrationId, "calibrationId");
        transpilerSettings = Collections.unmodifiableSortedMap(new TreeMap<>(transpilerSettings));
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        if (shots < 0) {
            throw new IllegalArgumentException("shots must not be negative, not " + shots);
        }
        if (completedAt.isBefore(submittedAt)) {
            throw new IllegalArgumentException("completed at " + completedAt + " before it was submitted at " + submittedAt);
        }
    }
}
