package io.qubench.sim;

import java.util.Map;

/**
 * How to run a circuit: number of shots, the seed that makes sampling reproducible, whether to
 * return the state vector, values of free parameters, and a progress listener.
 */
public record RunOptions(int shots, long seed, boolean statevector, Map<String, Double> parameters, ProgressListener progress) {

    public RunOptions {
        if (shots < 0) {
            throw new SimulationException("the number of shots must be 0 or more, not " + shots);
        }
        parameters = Map.copyOf(parameters);
    }

    public static RunOptions shots(int shots, long seed) {
        return new RunOptions(shots, seed, false, Map.of(), ProgressListener.NONE);
    }

    public RunOptions withStatevector(boolean on) {
        return new RunOptions(shots, seed, on, parameters, progress);
    }

    public RunOptions withParameters(Map<String, Double> values) {
        return new RunOptions(shots, seed, statevector, values, progress);
    }

    public RunOptions withProgress(ProgressListener listener) {
        return new RunOptions(shots, seed, statevector, parameters, listener);
    }
}
