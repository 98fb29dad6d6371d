package io.qubench.analysis;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readout-error mitigation by the tensored inverse: the measured distribution is multiplied by
 * the inverse of each bit's 2×2 confusion matrix (bits are assumed to misread independently),
 * then the negative quasi-probabilities this produces are clipped to 0 and the rest
 * renormalised. Works on a dense vector of 2^bits entries, so at most {@link #MAX_BITS} bits.
 * The confusion list is indexed by classical bit: entry k is bit k, the rightmost first.
 */
public final class ReadoutMitigation {

    public static final int MAX_BITS = 20;
    /** Mitigated probabilities below this are dropped from the result as numerical noise. */
    private static final double NEGLIGIBLE = 1e-12;

    private ReadoutMitigation() {
    }

    /** The estimated error-free distribution; keys keep the register spacing of the input. */
    public static Map<String, Double> tensoredInverse(Map<String, ? extends Number> counts, List<ReadoutConfusion> perClbit) {
        Layout layout = Layout.of(counts, perClbit.size());
        double[] v = layout.dense(Distributions.probabilities(counts));
        for (int bit = 0; bit < perClbit.size(); bit++) {
            ReadoutConfusion c = perClbit.get(bit);
            double d = c.determinant();
            // inverse of [[1-a, b], [a, 1-b]] with a = P(1|0), b = P(0|1)
            applyPerBit(v, bit, (1 - c.p0Given1()) / d, -c.p0Given1() / d, -c.p1Given0() / d, (1 - c.p1Given0()) / d);
        }
        double total = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, v[i]);
            total += v[i];
        }
        return layout.sparse(v, total);
    }

    /** What a readout with these confusions would report for the true distribution {@code probabilities}. */
    public static Map<String, Double> confuse(Map<String, ? extends Number> probabilities, List<ReadoutConfusion> perClbit) {
        Layout layout = Layout.of(probabilities, perClbit.size());
        double[] v = layout.dense(Distributions.probabilities(probabilities));
        for (int bit = 0; bit < perClbit.size(); bit++) {
            ReadoutConfusion c = perClbit.get(bit);
            applyPerBit(v, bit, 1 - c.p1Given0(), c.p0Given1(), c.p1Given0(), 1 - c.p0Given1());
        }
        return layout.sparse(v, 1);
    }

    /** (v0, v1) ← [[m00, m01], [m10, m11]] · (v0, v1) for every pair differing in {@code bit}. */
    private static void applyPerBit(double[] v, int bit, double m00, double m01, double m10, double m11) {
        int mask = 1 << bit;
        for (int i = 0; i < v.length; i++) {
            if ((i & mask) == 0) {
                double v0 = v[i];
                double v1 = v[i | mask];
                v[i] = m00 * v0 + m01 * v1;
                v[i | mask] = m10 * v0 + m11 * v1;
            }
        }
    }

    /** How keys map to dense indices: bits without spaces, bit 0 rightmost; spaces put back on the way out. */
    private record Layout(int bits, String template) {

        static Layout of(Map<String, ? extends Number> counts, int bits) {
            if (bits == 0) {
                throw new AnalysisException("readout mitigation needs one confusion per classical bit; none was given");
            }
            if (bits > MAX_BITS) {
                throw new AnalysisException("readout mitigation handles at most " + MAX_BITS + " measured bits, not " + bits);
            }
            if (counts.isEmpty()) {
                throw new AnalysisException("readout mitigation needs at least one counted outcome");
            }
            String template = counts.keySet().iterator().next();
            for (String key : counts.keySet()) {
                if (key.replace(" ", "").length() != bits || key.length() != template.length()) {
                    throw new AnalysisException("outcome '" + key + "' does not have the " + bits
                            + " bits that the readout confusions describe (one per classical bit), laid out as '" + template + "'");
                }
                for (int k = 0; k < key.length(); k++) {
                    char c = key.charAt(k);
                    if ((template.charAt(k) == ' ') != (c == ' ') || (c != ' ' && c != '0' && c != '1')) {
                        throw new AnalysisException("outcome '" + key + "' is not a bitstring laid out as '" + template + "'");
                    }
                }
            }
            return new Layout(bits, template);
        }

        double[] dense(Map<String, Double> probabilities) {
            double[] v = new double[1 << bits];
            probabilities.forEach((key, p) -> v[Integer.parseUnsignedInt(key.replace(" ", ""), 2)] += p);
            return v;
        }

        Map<String, Double> sparse(double[] v, double total) {
            Map<String, Double> out = new TreeMap<>();
            for (int i = 0; i < v.length; i++) {
                double p = v[i] / total;
                if (p > NEGLIGIBLE) {
                    out.put(key(i), p);
                }
            }
            return out;
        }

        private String key(int index) {
            StringBuilder sb = new StringBuilder(template.length());
            int bit = bits - 1;
            for (int k = 0; k < template.length(); k++) {
                if (template.charAt(k) == ' ') {
                    sb.append(' ');
                } else {
                    sb.append(((index >> bit) & 1) == 1 ? '1' : '0');
                    bit--;
                }
            }
            return sb.toString();
        }
    }
}
