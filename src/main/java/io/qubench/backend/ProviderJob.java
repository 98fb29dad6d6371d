package io.qubench.backend;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a poll tells about a provider job. A failed job may still carry the counts of the shots it
 * ran ({@code shotsCompleted} below the shots asked for): those are partial results, already paid.
 *
 * @param usageSeconds device time the provider bills for (0 when it bills none)
 * @param message      the provider's reason for a failure or cancellation; empty otherwise
 */
public record ProviderJob(String id, ProviderState state, SortedMap<String, Integer> counts, int shotsCompleted,
        double usageSeconds, String message) {

    public ProviderJob {
        counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        message = message == null ? "" : message;
    }

    public static ProviderJob waiting(String id, ProviderState state) {
        return new ProviderJob(id, state, new TreeMap<>(), 0, 0, "");
    }

    public static ProviderJob completed(String id, Map<String, Integer> counts, int shots, double usageSeconds) {
        return new ProviderJob(id, ProviderState.COMPLETED, new TreeMap<>(counts), shots, usageSeconds, "");
    }
}
