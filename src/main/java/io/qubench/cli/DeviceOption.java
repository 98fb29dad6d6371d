package io.qubench.cli;

import io.qubench.backend.local.DeviceEmulation;
import io.qubench.circuit.Circuit;
import io.qubench.device.ShippedDevices;
import io.qubench.transpile.Transpiler;

/** The {@code --device} option: a shipped device's transpiler, and a circuit made ready for its emulator. */
final class DeviceOption {

    private DeviceOption() {
    }

    static Transpiler transpiler(String name) {
        return new Transpiler(ShippedDevices.load(name));
    }

    static DeviceEmulation.Prepared prepare(String name, Circuit circuit, int shots, long transpileSeed) {
        return DeviceEmulation.prepare(transpiler(name), circuit, shots, transpileSeed);
    }
}
