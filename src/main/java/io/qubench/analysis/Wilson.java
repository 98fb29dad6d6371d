package io.qubench.analysis;

/**
 * Wilson score intervals for a binomial proportion: unlike the normal (Wald) interval they stay
 * inside [0, 1] and do not collapse to a point at 0 or all successes, which is common in shot
 * histograms.
 */
public final class Wilson {

    private Wilson() {
    }

    /** The interval for {@code successes} out of {@code trials}; with no trials nothing is known: [0, 1]. */
    public static ConfidenceInterval interval(long successes, long trials, double level) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new AnalysisException("a proportion needs 0 ≤ successes ≤ trials, not " + successes + " of " + trials);
        }
        return forFrequency(trials == 0 ? 0 : successes / (double) trials, trials, level);
    }

    /** The interval when a fraction {@code p} of {@code trials} succeeded (p need not be a whole count's share). */
    public static ConfidenceInterval forFrequency(double p, long trials, double level) {
        if (!(p >= 0 && p <= 1) || trials < 0) {
            throw new AnalysisException("a proportion needs a frequency in [0, 1] and 0 or more trials, not " + p + " of " + trials);
        }
        double z = StandardNormal.twoSidedZ(level);
        if (trials == 0) {
            return new ConfidenceInterval(0, 1, level);
        }
        double n = trials;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = p == 0 ? 0 : Math.max(0, centre - half);
        double upper = p == 1 ? 1 : Math.min(1, centre + half);
        return new ConfidenceInterval(lower, upper, level);
    }
}
