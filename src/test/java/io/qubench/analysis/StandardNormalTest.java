package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StandardNormalTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.90,  1.6448536270
            0.95,  1.9599639845
            0.99,  2.5758293035
            0.999, 3.2905267315
            0.5,   0.6744897502
            """)
    void twoSidedZMatchesTables(double level, double z) {
        assertThat(StandardNormal.twoSidedZ(level)).isCloseTo(z, within(1e-8));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0.5,    0.0
            0.001, -3.0902323062
            0.9999, 3.7190164855
            """)
    void quantileCoversTheTailsAndTheCentre(double p, double z) {
        assertThat(StandardNormal.quantile(p)).isCloseTo(z, within(1e-8));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, Double.NaN})
    void levelsOutsideTheOpenUnitIntervalAreRefused(double level) {
        assertThatThrownBy(() -> StandardNormal.twoSidedZ(level)).isInstanceOf(AnalysisException.class);
    }
}
