package io.qubench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One outcome's count, measured probability and Wilson interval. */
public record OutcomeEstimate(String bitstring, int count, double probability, ConfidenceInterval interval) {

    /** Every counted outcome of {@code shots} shots, in the map's order, with intervals at {@code level}. */
    public static List<OutcomeEstimate> of(Map<String, Integer> counts, int shots, double level) {
        List<OutcomeEstimate> out = new ArrayList<>(counts.size());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int count = e.getValue();
            out.add(new OutcomeEstimate(e.getKey(), count, shots == 0 ? 0 : count / (double) shots,
                    Wilson.interval(count, shots, level)));
        }
        return out;
    }
}
