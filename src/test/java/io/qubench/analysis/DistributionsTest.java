package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void identicalDistributionsHaveFidelityOneAndDistanceZeroWhateverTheShots() {
        Map<String, Integer> a = Map.of("00", 500, "11", 524);
        Map<String, Integer> b = Map.of("00", 1000, "11", 1048);
        assertThat(Distributions.hellingerFidelity(a, b)).isCloseTo(1.0, within(1e-12));
        assertThat(Distributions.totalVariationDistance(a, b)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void disjointDistributionsHaveFidelityZeroAndDistanceOne() {
        Map<String, Integer> a = Map.of("00", 10);
        Map<String, Integer> b = Map.of("01", 3, "11", 7);
        assertThat(Distributions.hellingerFidelity(a, b)).isZero();
        assertThat(Distributions.totalVariationDistance(a, b)).isCloseTo(1.0, within(1e-12));
    }

    /** Qiskit: hellinger_fidelity({'00': 50, '11': 50}, {'00': 100}) = 0.5, TVD 0.5. */
    @Test
    void halfOverlapMatchesQiskit() {
        Map<String, Integer> bell = Map.of("00", 50, "11", 50);
        Map<String, Integer> zero = Map.of("00", 100);
        assertThat(Distributions.hellingerFidelity(bell, zero)).isCloseTo(0.5, within(1e-12));
        assertThat(Distributions.totalVariationDistance(bell, zero)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void fidelityIsTheSquaredOverlapOfSquareRoots() {
        Map<String, Double> p = Map.of("0", 0.9, "1", 0.1);
        Map<String, Double> q = Map.of("0", 0.6, "1", 0.4);
        double overlap = Math.sqrt(0.9 * 0.6) + Math.sqrt(0.1 * 0.4);
        assertThat(Distributions.hellingerFidelity(p, q)).isCloseTo(overlap * overlap, within(1e-12));
        assertThat(Distributions.totalVariationDistance(p, q)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void emptyOrNegativeDistributionsAreRefused() {
        assertThatThrownBy(() -> Distributions.hellingerFidelity(Map.of(), Map.of("0", 1)))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("positive count");
        assertThatThrownBy(() -> Distributions.probabilities(Map.of("01", -2)))
                .isInstanceOf(AnalysisException.class).hasMessageContaining("'01'");
    }
}
