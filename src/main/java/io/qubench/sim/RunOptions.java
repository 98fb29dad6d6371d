package io.qubench.sim;

import java.util.Map;
import java.util.Objects;

/**
 * How to run a circuit: number of shots, the seed that makes sampling reproducible, whether to
 * return the state vector, values of free parameters, a progress listener, and the precision of
 * the state vector's amplitudes (engines other than the state vector refuse {@link Precision#SINGLE}).
 */
public record RunOptions(int shots, long seed, boolean statevector, Map<String, Double> parameters, ProgressListener progress,
        Precision precision) {

    public RunOptions {
        if (shots < 0) {
            throw new SimulationException("the number of shots must be 0 or more, not " + shots);
        }
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(precision, "precision");
    }

    /** Double precision, as before precision could be chosen. */
    public RunOptions(int shots, long seed, boolean statevector, Map<String, Double> parameters, ProgressListener progress) {
        this(shots, seed, statevector, parameters, progress, Precision.DOUBLE);
    }

    public static RunOptions shots(int shots, long seed) {
        return new RunOptions(shots, seed, false, Map.of(), ProgressListener.NONE, Precision.DOUBLE);
    }

    public RunOptions withStatevector(boolean on) {
        return new RunOptions(shots, seed, on, parameters, progress, precision);
    }

    public RunOptions withParameters(Map<String, Double> values) {
        return new RunOptions(shots, seed, statevector, values, progress, precision);
    }

    public RunOptions withProgress(ProgressListener listener) {
        return new RunOptions(shots, seed, statevector, parameters, listener, precision);
    }

    public RunOptions withPrecision(Precision p) {
        return new RunOptions(shots, seed, statevector, parameters, progress, p);
    }
}
