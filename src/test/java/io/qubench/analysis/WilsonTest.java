package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WilsonTest {

    /** 95 % Wilson intervals as published (statsmodels proportion_confint(method="wilson"), Wikipedia). */
    @ParameterizedTest
    @CsvSource(textBlock = """
            0,  10, 0.0,        0.27753280
            5,  10, 0.23659309, 0.76340691
            10, 10, 0.72246720, 1.0
            1,  10, 0.01787621, 0.40415003
            """)
    void matchesPublishedNinetyFivePercentIntervals(int successes, int trials, double lower, double upper) {
        ConfidenceInterval ci = Wilson.interval(successes, trials, 0.95);
        assertThat(ci.lower()).isCloseTo(lower, within(1e-7));
        assertThat(ci.upper()).isCloseTo(upper, within(1e-7));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void aHigherLevelGivesAWiderIntervalFromItsOwnZ() {
        ConfidenceInterval ci99 = Wilson.interval(1, 10, 0.99);
        assertThat(ci99.lower()).isCloseTo(0.01185150, within(1e-7));
        assertThat(ci99.upper()).isCloseTo(0.50723177, within(1e-7));
        assertThat(Wilson.interval(1, 10, 0.90).width()).isLessThan(Wilson.interval(1, 10, 0.95).width());
    }

    @Test
    void anIntervalAlwaysContainsTheObservedFrequencyAndStaysInsideZeroOne() {
        for (int n = 1; n <= 50; n++) {
            for (int x = 0; x <= n; x++) {
                ConfidenceInterval ci = Wilson.interval(x, n, 0.95);
                assertThat(ci.contains(x / (double) n)).as("%d of %d", x, n).isTrue();
                assertThat(ci.lower()).isBetween(0.0, 1.0);
                assertThat(ci.upper()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void noTrialsMeansNothingIsKnown() {
        ConfidenceInterval ci = Wilson.interval(0, 0, 0.95);
        assertThat(ci.lower()).isZero();
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void impossibleCountsAndLevelsAreRefusedByName() {
        assertThatThrownBy(() -> Wilson.interval(11, 10, 0.95)).isInstanceOf(AnalysisException.class).hasMessageContaining("11 of 10");
        assertThatThrownBy(() -> Wilson.interval(1, 10, 95)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("confidence level").hasMessageContaining("95");
    }
}
