package io.qubench.backend.local;

import java.util.Optional;

import io.qubench.circuit.Circuit;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.Engine;
import io.qubench.sim.MemoryGuard;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationException;

/** Whether this machine has the memory for a circuit, and where to send one it has not. */
final class MachineCapacity {

    /** The largest circuit Amazon Braket's SV1 state-vector simulator takes. */
    static final int SV1_MAX_QUBITS = 34;

    private MachineCapacity() {
    }

    /** Why {@code circuit} does not fit this machine's memory, with where it would run instead; empty when it fits. */
    static Optional<String> problem(Circuit circuit, int shots, NoiseModel noise) {
        return problem(circuit, shots, noise, MemoryGuard.availableBytes());
    }

    static Optional<String> problem(Circuit circuit, int shots, NoiseModel noise, long availableBytes) {
        int n = circuit.numQubits();
        Engine engine = Engine.choose(circuit, RunOptions.shots(shots, 0), noise);
        long needed = switch (engine) {
            case STABILIZER -> 0;
            case DENSITY -> MemoryGuard.statevectorBytes(2 * n);
            default -> MemoryGuard.statevectorBytes(n);
        };
        try {
            MemoryGuard.requireFits(n, needed, availableBytes);
            return Optional.empty();
        } catch (SimulationException e) {
            String elsewhere = n <= SV1_MAX_QUBITS
                    ? "; Amazon Braket SV1 simulates up to " + SV1_MAX_QUBITS + " qubits: use --backend braket:sv1"
                    : "; that is beyond Amazon Braket SV1 too (" + SV1_MAX_QUBITS + " qubits at most)";
            return Optional.of(e.getMessage() + elsewhere);
        }
    }
}
