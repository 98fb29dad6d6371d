package io.qubench.backend.local;

import java.time.Clock;

import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendName;
import io.qubench.backend.BackendStatus;
import io.qubench.circuit.Circuit;
import io.qubench.device.Device;
import io.qubench.noise.CalibrationNoiseModel;
import io.qubench.noise.NoiseModel;
import io.qubench.transpile.DeviceValidator;

/**
 * {@code emulator:DEVICE}: a device's calibrated noise and limits on this machine, behind a
 * simulated queue.
 */
public final class EmulatorBackend extends LocalBackend {

    private final Device device;
    private final CalibrationNoiseModel noise;

    public EmulatorBackend(Device device, SimulatedQueue queue, Clock clock) {
        super(BackendName.EMULATOR + ":" + device.name(), queue, clock);
        this.device = device;
        this.noise = new CalibrationNoiseModel(device);
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
     * The one place a circuit is made ready for the device. Today it must already be placed on
     * the device's qubits (qubit i on device qubit i, two-qubit gates on working couplers); it is
     * validated, not transpiled.
     */
    @Override
    public Circuit prepare(Circuit circuit) {
        DeviceValidator.require(circuit, device, 0, true);
        return circuit;
    }

    @Override
    protected NoiseModel noise() {
        return noise;
    }

    @Override
    protected int maxShots() {
        return device.maxShots();
    }
}
