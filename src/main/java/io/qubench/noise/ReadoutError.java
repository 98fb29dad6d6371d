package io.qubench.noise;

import java.util.random.RandomGenerator;

/** Misreading a measured qubit: P(read 1 | was 0) and P(read 0 | was 1). */
public record ReadoutError(double p1Given0, double p0Given1) {

    public ReadoutError {
        if (!(p1Given0 >= 0 && p1Given0 <= 1) || !(p0Given1 >= 0 && p0Given1 <= 1)) {
            throw new IllegalArgumentException("readout error probabilities must be between 0 and 1, not "
                    + p1Given0 + " and " + p0Given1);
        }
    }

    public static ReadoutError symmetric(double p) {
        return new ReadoutError(p, p);
    }

    /** The bit reported for a qubit that was {@code actual}. */
    public boolean read(boolean actual, RandomGenerator random) {
        double flip = actual ? p0Given1 : p1Given0;
        return flip > 0 && random.nextDouble() < flip ? !actual : actual;
    }
}
