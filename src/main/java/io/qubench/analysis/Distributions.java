package io.qubench.analysis;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Comparisons of two outcome distributions given as counts (or probabilities) keyed by
 * bitstring, as in {@link io.qubench.sim.SimulationResult#counts()}. Each side is normalised
 * first, so counts of different shot numbers compare directly.
 */
public final class Distributions {

    private Distributions() {
    }

    /** Each key's share of the total; the total must be positive. */
    public static Map<String, Double> probabilities(Map<String, ? extends Number> weights) {
        double total = 0;
        for (Map.Entry<String, ? extends Number> e : weights.entrySet()) {
            double w = e.getValue().doubleValue();
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new AnalysisException("outcome '" + e.getKey() + "' has weight " + w + "; weights are finite and 0 or more");
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new AnalysisException("a distribution needs at least one outcome with a positive count");
        }
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, ? extends Number> e : weights.entrySet()) {
            out.put(e.getKey(), e.getValue().doubleValue() / total);
        }
        return out;
    }

    /** Qiskit's {@code hellinger_fidelity}: (Σ √(p·q))², 1 for identical and 0 for disjoint distributions. */
    public static double hellingerFidelity(Map<String, ? extends Number> a, Map<String, ? extends Number> b) {
        Map<String, Double> p = probabilities(a);
        Map<String, Double> q = probabilities(b);
        double overlap = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            overlap += Math.sqrt(e.getValue() * q.getOrDefault(e.getKey(), 0.0));
        }
        return Math.min(1, overlap * overlap);
    }

    /** ½ Σ |p − q| over the union of outcomes: 0 for identical, 1 for disjoint distributions. */
    public static double totalVariationDistance(Map<String, ? extends Number> a, Map<String, ? extends Number> b) {
        Map<String, Double> p = probabilities(a);
        Map<String, Double> q = probabilities(b);
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double sum = 0;
        for (String k : keys) {
            sum += Math.abs(p.getOrDefault(k, 0.0) - q.getOrDefault(k, 0.0));
        }
        return sum / 2;
    }
}
