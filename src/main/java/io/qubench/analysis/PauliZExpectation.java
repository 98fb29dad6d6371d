package io.qubench.analysis;

import java.util.Locale;
import java.util.Map;

/**
 * ⟨Z…Z⟩ estimated from measured counts. The Pauli string is written like the bitstrings, one
 * letter I or Z per classical bit, classical bit 0 rightmost ({@code "ZIZ"} is Z on bits 0 and
 * 2); the spaces between registers in a key are ignored.
 */
public final class PauliZExpectation {

    private PauliZExpectation() {
    }

    /** Σ counts · (−1)^(parity of the bits under Z) / shots. */
    public static double of(Map<String, ? extends Number> counts, String pauli) {
        String letters = pauli.strip().toUpperCase(Locale.ROOT);
        for (int k = 0; k < letters.length(); k++) {
            char c = letters.charAt(k);
            if (c != 'I' && c != 'Z') {
                throw new AnalysisException("'" + pauli.charAt(k) + "' at position " + (k + 1) + " of '" + pauli
                        + "': counts give only I and Z expectation values");
            }
        }
        double total = 0;
        double signed = 0;
        for (Map.Entry<String, ? extends Number> e : counts.entrySet()) {
            String bits = e.getKey().replace(" ", "");
            if (bits.length() != letters.length()) {
                throw new AnalysisException("Pauli string '" + pauli + "' has " + letters.length() + " letters but outcome '"
                        + e.getKey() + "' has " + bits.length() + " bits");
            }
            int parity = 0;
            for (int k = 0; k < bits.length(); k++) {
                if (letters.charAt(k) == 'Z' && bits.charAt(k) == '1') {
                    parity ^= 1;
                }
            }
            double w = e.getValue().doubleValue();
            total += w;
            signed += parity == 0 ? w : -w;
        }
        if (!(total > 0)) {
            throw new AnalysisException("an expectation value needs at least one counted outcome");
        }
        return signed / total;
    }
}
