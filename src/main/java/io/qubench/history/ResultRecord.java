package io.qubench.history;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run produced, as {@link io.qubench.sim.SimulationResult} has it: counts keyed by
 * bitstring, and the state vector only when it was asked for.
 *
 * @param statevector interleaved (re, im) amplitudes, index bit k = qubit k; null unless asked for
 * @param partial true when fewer shots came back than were asked for (a cancelled or cut-short job)
 */
public record ResultRecord(SortedMap<String, Integer> counts, double[] statevector, boolean partial) {

    public ResultRecord {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        statevector = statevector == null ? null : statevector.clone();
        if (statevector != null && statevector.length % 2 != 0) {
            throw new IllegalArgumentException("a state vector interleaves (re, im): its length must be even, not " + statevector.length);
        }
    }

    /** The amplitudes (a copy), null unless asked for. */
    @Override
    public double[] statevector() {
        return statevector == null ? null : statevector.clone();
    }

    public boolean hasStatevector() {
        return statevector != null;
    }

    public int totalShots() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultRecord r && counts.equals(r.counts) && Arrays.equals(statevector, r.statevector) && partial == r.partial;
    }

    @Override
    public int hashCode() {
        return Objects.hash(counts, Arrays.hashCode(statevector), partial);
    }

    @Override
    public String toString() {
        return "ResultRecord[counts=" + counts + (statevector == null ? "" : ", " + statevector.length / 2 + " amplitudes")
                + (partial ? ", partial" : "") + "]";
    }
}
