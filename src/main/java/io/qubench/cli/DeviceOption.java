package io.qubench.cli;

import io.qubench.circuit.Circuit;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import io.qubench.noise.CalibrationNoiseModel;
import io.qubench.transpile.DeviceValidator;

/**
 * The {@code --device} option: the device's calibrated noise, for a circuit that already fits
 * the device (qubit i on device qubit i, two-qubit gates on coupled qubits). Placing and routing
 * other circuits is the transpiler's job.
 */
final class DeviceOption {

    private DeviceOption() {
    }

    static CalibrationNoiseModel noiseFor(String name, Circuit circuit, int shots) {
        Device device = ShippedDevices.load(name);
        DeviceValidator.require(circuit, device, shots, true);
        return new CalibrationNoiseModel(device);
    }
}
