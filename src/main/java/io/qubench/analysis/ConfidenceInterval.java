package io.qubench.analysis;

/** A two-sided interval for a probability at confidence {@code level} (0.95 for 95 %). */
public record ConfidenceInterval(double lower, double upper, double level) {

    public ConfidenceInterval {
        if (!(lower <= upper)) {
            throw new AnalysisException("an interval's lower bound " + lower + " is above its upper bound " + upper);
        }
    }

    public double width() {
        return upper - lower;
    }

    public boolean contains(double p) {
        return p >= lower && p <= upper;
    }
}
