package io.qubench.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CalibrationStore} in memory, for tests, the CLI and sessions without a database.
 * Snapshots are told apart by value: saving an equal one again returns the first id.
 */
public final class InMemoryCalibrationStore implements CalibrationStore {

    /** A kept snapshot with where it came from. */
    public record Entry(String id, Calibration calibration, String source) {
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<Calibration, String> ids = new HashMap<>();
    private final Map<String, List<Entry>> byDevice = new HashMap<>();

    @Override
    public synchronized String save(Calibration calibration, String source) {
        String known = ids.get(calibration);
        if (known != null) {
            return known;
        }
        String id = "calibration-" + (byId.size() + 1);
        Entry entry = new Entry(id, calibration, source);
        byId.put(id, entry);
        ids.put(calibration, id);
        List<Entry> history = byDevice.computeIfAbsent(calibration.device(), d -> new ArrayList<>());
        history.add(entry);
        history.sort(Comparator.comparing((Entry e) -> e.calibration().timestamp().toInstant()));
        return id;
    }

    @Override
    public synchronized List<Calibration> history(String device) {
        return entries(device).stream().map(Entry::calibration).toList();
    }

    /** As {@link #history(String)}, with ids and sources. */
    public synchronized List<Entry> entries(String device) {
        return List.copyOf(byDevice.getOrDefault(device, List.of()));
    }

    @Override
    public synchronized Optional<Calibration> latest(String device) {
        List<Entry> history = byDevice.getOrDefault(device, List.of());
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast().calibration());
    }

    @Override
    public synchronized Optional<Calibration> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::calibration);
    }

    /** Where the snapshot with this id came from, if kept. */
    public synchronized Optional<String> source(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::source);
    }
}
