package io.qubench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.sim.statevector.StateVectorSimulator;

/**
 * The engines a user can ask for by name. {@link #AUTO}, the default everywhere, picks one by
 * circuit: the fast state vector, since the stabilizer, density-matrix and trajectory engines
 * are not in this build yet (they join {@link #choose} as they land).
 */
public enum Engine {
    AUTO, STATEVECTOR, REFERENCE;

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
        return switch (this) {
            case AUTO -> choose(circuit).simulatorFor(circuit);
            case STATEVECTOR -> new StateVectorSimulator();
            case REFERENCE -> new ReferenceSimulator();
        };
    }

    /** What {@link #AUTO} runs for {@code circuit}. */
    public static Engine choose(Circuit circuit) {
        // The reference engine is never chosen: it is the oracle, kept plain on purpose.
        return STATEVECTOR;
    }
}
