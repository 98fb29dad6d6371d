package io.qubench.transpile;

/**
 * Settings of one transpilation: the seed of SABRE's choices (same seed, same circuit), whether
 * to run the optimisation passes, and the shots the run will use (checked against the device).
 */
public record TranspileOptions(long seed, boolean optimise, int shots) {

    public static final long DEFAULT_SEED = 0;

    public TranspileOptions {
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be 0 or more, not " + shots);
        }
    }

    public static TranspileOptions defaults() {
        return new TranspileOptions(DEFAULT_SEED, true, 0);
    }

    public TranspileOptions withSeed(long value) {
        return new TranspileOptions(value, optimise, shots);
    }

    public TranspileOptions withOptimise(boolean value) {
        return new TranspileOptions(seed, value, shots);
    }

    public TranspileOptions withShots(int value) {
        return new TranspileOptions(seed, optimise, value);
    }
}
