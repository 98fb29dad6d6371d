package io.qubench.backend.local;

import java.time.Clock;

import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendName;
import io.qubench.backend.BackendStatus;
import io.qubench.circuit.Circuit;
import io.qubench.device.Device;
import io.qubench.transpile.Transpiler;

/**
 * {@code emulator:DEVICE}: a device on this machine — its coupling map through the transpiler,
 * its calibrated noise and its limits — behind a simulated queue.
 */
public final class EmulatorBackend extends LocalBackend {

    private final Device device;
    private final Transpiler transpiler;

    public EmulatorBackend(Device device, SimulatedQueue queue, Clock clock) {
        super(BackendName.EMULATOR + ":" + device.name(), queue, clock);
        this.device = device;
        this.transpiler = new Transpiler(device);
    }

    public Device device() {
        return device;
    }

    @Override
    public BackendInfo describe() {
        double twoQubitError = device.calibration().medianTwoQubitError();
        double fidelity = Double.isFinite(twoQubitError) ? 1 - twoQubitError : 1;
        return new BackendInfo(name(), "emulates " + device.backendName() + " with its calibration of "
                + device.calibration().timestamp().toLocalDate(), device.qubits(), device.maxShots(), BackendStatus.ONLINE,
                queueLength(), fidelity);
    }

    /**
     * The circuit as the device would run it: transpiled for the device (layout, routing, native
     * gates), then simulated on the device qubits it uses with their calibrated noise.
     */
    @Override
    protected Ready prepare(Circuit circuit, int shots) {
        DeviceEmulation.Prepared prepared = DeviceEmulation.prepare(transpiler, circuit, shots, 0);
        return new Ready(prepared.circuit(), prepared.noise());
    }

    @Override
    protected int maxShots() {
        return device.maxShots();
    }
}
