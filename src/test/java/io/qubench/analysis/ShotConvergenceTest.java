package io.qubench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShotConvergenceTest {

    @Test
    void widthsAreGivenAtDoublingShotsEndingAtTheMaximum() {
        List<ShotConvergence.Point> points = ShotConvergence.widths(0.5, 0.95, 1000);
        assertThat(points).extracting(ShotConvergence.Point::shots).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).width()).isLessThan(points.get(i - 1).width());
        }
        assertThat(points.getLast().width()).isEqualTo(Wilson.interval(500, 1000, 0.95).width());
    }

    @Test
    void widthShrinksAsOneOverRootShotsForLargeCounts() {
        double w1 = ShotConvergence.width(0.3, 10_000, 0.95);
        double w4 = ShotConvergence.width(0.3, 40_000, 0.95);
        assertThat(w1 / w4).isBetween(1.99, 2.01);
    }

    @Test
    void shotsForWidthIsTheFewestThatReachIt() {
        int n = ShotConvergence.shotsForWidth(0.5, 0.02, 0.95);
        // Wald's rule of thumb: (2·1.96·0.5 / 0.02)² ≈ 9604; Wilson needs about as many.
        assertThat(n).isBetween(9500, 9700);
        assertThat(ShotConvergence.width(0.5, n, 0.95)).isLessThanOrEqualTo(0.02);
        assertThat(ShotConvergence.width(0.5, n - 1, 0.95)).isGreaterThan(0.02);
    }

    @Test
    void badInputsAreRefused() {
        assertThatThrownBy(() -> ShotConvergence.widths(1.5, 0.95, 10)).isInstanceOf(AnalysisException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> ShotConvergence.shotsForWidth(0.5, 0, 0.95)).isInstanceOf(AnalysisException.class);
    }
}
