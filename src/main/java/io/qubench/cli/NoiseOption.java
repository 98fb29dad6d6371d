package io.qubench.cli;

import io.qubench.circuit.UserInputException;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.UniformNoiseModel;

/** The {@code --noise} option shared by the commands that simulate. */
final class NoiseOption {

    static final String DESCRIPTION = "uniform noise, e.g. depolarizing=0.01,readout=0.02 "
            + "(depolarizing after every gate, symmetric readout error)";

    private NoiseOption() {
    }

    /** The model for the option's value; no value means no noise. */
    static NoiseModel parse(String spec) {
        if (spec == null) {
            return NoiseModel.IDEAL;
        }
        try {
            return UniformNoiseModel.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--noise: " + e.getMessage());
        }
    }
}
