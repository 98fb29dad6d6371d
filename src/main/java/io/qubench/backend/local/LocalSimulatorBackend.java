package io.qubench.backend.local;

import java.time.Clock;

import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendName;
import io.qubench.backend.BackendStatus;
import io.qubench.circuit.Circuit;
import io.qubench.noise.NoiseModel;

/** {@code local}: the ideal simulator on this machine, engine chosen by circuit as {@code simulate} does. */
public final class LocalSimulatorBackend extends LocalBackend {

    /** No device limit on shots; the simulator's own is an int. */
    static final int MAX_SHOTS = Integer.MAX_VALUE;

    public LocalSimulatorBackend(SimulatedQueue queue, Clock clock) {
        super(BackendName.LOCAL, queue, clock);
    }

    @Override
    public BackendInfo describe() {
        return new BackendInfo(name(), "ideal simulator on this machine", Integer.MAX_VALUE, MAX_SHOTS, BackendStatus.ONLINE,
                queueLength(), 1.0);
    }

    @Override
    protected Ready prepare(Circuit circuit, int shots) {
        return new Ready(circuit, NoiseModel.IDEAL);
    }

    @Override
    protected int maxShots() {
        return MAX_SHOTS;
    }
}
