package io.qubench.backend.remote;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Counts from providers that report probabilities (IonQ, some Braket devices). */
public final class WholeCounts {

    private WholeCounts() {
    }

    /**
     * p × shots rounded to whole counts that add up to {@code shots}: each outcome gets the floor,
     * the largest remainders get the spare shots (ties by key, so the result is reproducible).
     */
    public static SortedMap<String, Integer> of(Map<String, Double> probabilities, int shots) {
        double total = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        SortedMap<String, Integer> counts = new TreeMap<>();
        if (total <= 0) {
            return counts;
        }
        Map<String, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            double exact = e.getValue() / total * shots;
            int whole = (int) Math.floor(exact);
            counts.put(e.getKey(), whole);
            remainders.put(e.getKey(), exact - whole);
            assigned += whole;
        }
        List<String> byRemainder = remainders.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < shots - assigned; i++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        counts.values().removeIf(v -> v == 0);
        return counts;
    }
}
