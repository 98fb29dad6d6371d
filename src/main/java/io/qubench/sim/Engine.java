package io.qubench.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.density.DensityMatrixSimulator;
import io.qubench.sim.stabilizer.StabilizerSimulator;
import io.qubench.sim.trajectory.TrajectorySimulator;
import io.qubench.sim.statevector.StateVectorSimulator;

/**
 * The engines a user can ask for by name. {@link #AUTO}, the default everywhere, picks one by
 * circuit: with noise, the density matrix up to 12 qubits and trajectories above; without,
 * the stabilizer engine for Clifford circuits and the fast state vector for the rest.
 */
public enum Engine {
    AUTO, STATEVECTOR, DENSITY, TRAJECTORY, STABILIZER, REFERENCE;

    /** Above this many qubits a noisy circuit goes to trajectories rather than a density matrix. */
    public static final int DENSITY_MAX_AUTO_QUBITS = 12;

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

    /** The simulator this choice means for {@code circuit}, without noise. */
    public Simulator simulatorFor(Circuit circuit) {
        return simulatorFor(circuit, RunOptions.shots(0, 0), NoiseModel.IDEAL);
    }

    public Simulator simulatorFor(Circuit circuit, RunOptions options) {
        return simulatorFor(circuit, options, NoiseModel.IDEAL);
    }

    /**
     * The simulator this choice means for {@code circuit} run with {@code options} under
     * {@code noise}; engines that cannot model noise refuse a noisy model clearly.
     */
    public Simulator simulatorFor(Circuit circuit, RunOptions options, NoiseModel noise) {
        if (!noise.isIdeal() && (this == STATEVECTOR || this == STABILIZER || this == REFERENCE)) {
            throw new SimulationException("the " + cliName() + " engine simulates without noise; "
                    + "use density, trajectory or auto for a noisy run");
        }
        if (options.precision() == Precision.SINGLE && this != AUTO && this != STATEVECTOR) {
            throw new SimulationException("the " + cliName() + " engine computes in double precision only; "
                    + "single precision is available on the statevector engine" + (noise.isIdeal() ? "" : ", which simulates without noise"));
        }
        if (options.precision() == Precision.SINGLE && this == AUTO && !noise.isIdeal()) {
            throw new SimulationException("a noisy run goes to the density or trajectory engine, which compute in double precision "
                    + "only; single precision is available on the statevector engine, which simulates without noise");
        }
        return switch (this) {
            case AUTO -> choose(circuit, options, noise).simulatorFor(circuit, options, noise);
            case STATEVECTOR -> new StateVectorSimulator();
            case DENSITY -> new DensityMatrixSimulator(noise);
            case TRAJECTORY -> new TrajectorySimulator(noise);
            case STABILIZER -> new StabilizerSimulator();
            case REFERENCE -> new ReferenceSimulator();
        };
    }

    public static Engine choose(Circuit circuit, RunOptions options) {
        return choose(circuit, options, NoiseModel.IDEAL);
    }

    /**
     * What {@link #AUTO} runs: the stabilizer engine for Clifford circuits, unless an exact state
     * vector (with its global phase) is asked for and fits, or single precision is (only the state
     * vector has it, and an explicit choice beats the default); else the fast state vector. The
     * reference engine is never chosen: it is the oracle, kept plain on purpose.
     */
    public static Engine choose(Circuit circuit, RunOptions options, NoiseModel noise) {
        if (!noise.isIdeal()) {
            return circuit.numQubits() <= DENSITY_MAX_AUTO_QUBITS ? DENSITY : TRAJECTORY;
        }
        if (options.precision() == Precision.SINGLE) {
            return STATEVECTOR;
        }
        boolean wantsExactState = options.statevector() && circuit.numQubits() <= StateVectorSimulator.MAX_QUBITS;
        if (!wantsExactState && StabilizerSimulator.supports(circuit, options.parameters())) {
            return STABILIZER;
        }
        return STATEVECTOR;
    }
}
