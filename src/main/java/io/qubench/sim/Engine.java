package io.qubench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.sim.stabilizer.StabilizerSimulator;
import io.qubench.sim.statevector.StateVectorSimulator;

/**
 * The engines a user can ask for by name. {@link #AUTO}, the default everywhere, picks one by
 * circuit: the stabilizer engine for Clifford circuits, else the fast state vector (the
 * density-matrix and trajectory engines join {@link #choose} with device noise).
 */
public enum Engine {
    AUTO, STATEVECTOR, STABILIZER, REFERENCE;

    /** The engine for a name such as {@code statevector}; unknown names are a clear error listing the known ones. */
    public static Engine named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SimulationException("unknown engine '" + name + "': choose one of " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Engine::cliName).collect(Collectors.joining(", "));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The simulator this choice means for {@code circuit}. */
    public Simulator simulatorFor(Circuit circuit) {
        return simulatorFor(circuit, RunOptions.shots(0, 0));
    }

    /** The simulator this choice means for {@code circuit} run with {@code options}. */
    public Simulator simulatorFor(Circuit circuit, RunOptions options) {
        return switch (this) {
            case AUTO -> choose(circuit, options).simulatorFor(circuit, options);
            case STATEVECTOR -> new StateVectorSimulator();
            case STABILIZER -> new StabilizerSimulator();
            case REFERENCE -> new ReferenceSimulator();
        };
    }

    /**
     * What {@link #AUTO} runs: the stabilizer engine for Clifford circuits, unless an exact state
     * vector (with its global phase) is asked for and fits; else the fast state vector. The
     * reference engine is never chosen: it is the oracle, kept plain on purpose.
     */
    public static Engine choose(Circuit circuit, RunOptions options) {
        boolean wantsExactState = options.statevector() && circuit.numQubits() <= StateVectorSimulator.MAX_QUBITS;
        if (!wantsExactState && StabilizerSimulator.supports(circuit, options.parameters())) {
            return STABILIZER;
        }
        return STATEVECTOR;
    }
}
