package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutcomeEstimateTest {

    @Test
    void eachOutcomeCarriesItsFrequencyAndWilsonInterval() {
        Map<String, Integer> counts = new TreeMap<>(Map.of("00", 5, "11", 5));
        List<OutcomeEstimate> estimates = OutcomeEstimate.of(counts, 10, 0.95);
        assertThat(estimates).extracting(OutcomeEstimate::bitstring).containsExactly("00", "11");
        assertThat(estimates.getFirst().probability()).isEqualTo(0.5);
        assertThat(estimates.getFirst().interval()).isEqualTo(Wilson.interval(5, 10, 0.95));
    }
}
