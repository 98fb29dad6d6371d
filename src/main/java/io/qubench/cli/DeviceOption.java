package io.qubench.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import io.qubench.noise.CalibrationNoiseModel;

/**
 * The {@code --device} option: the device's calibrated noise, for a circuit that already fits
 * the device (qubit i on device qubit i, two-qubit gates on coupled qubits). Placing and routing
 * other circuits is the transpiler's job.
 */
final class DeviceOption {

    private DeviceOption() {
    }

    static CalibrationNoiseModel noiseFor(String name, Circuit circuit) {
        Device device = ShippedDevices.load(name);
        if (circuit.numQubits() > device.qubits()) {
            throw new UserInputException("the circuit has " + circuit.numQubits() + " qubits but " + name + " has "
                    + device.qubits());
        }
        Set<List<Integer>> coupled = new HashSet<>();
        for (Device.Edge e : device.usableEdges()) {
            coupled.add(List.of(e.control(), e.target()));
            coupled.add(List.of(e.target(), e.control()));
        }
        List<Operation> ops = circuit.inlined().operations();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) instanceof Operation.GateOperation g) {
                if (g.qubits().size() > 2) {
                    throw new UserInputException("gate " + g.gate().qasmName() + " (operation " + (i + 1) + ") acts on "
                            + g.qubits().size() + " qubits; " + name + " runs one- and two-qubit gates only "
                            + "(decomposing it is the transpiler's job)");
                }
                if (g.qubits().size() == 2 && !coupled.contains(g.qubits())) {
                    throw new UserInputException("gate " + g.gate().qasmName() + " on " + circuit.qubitLabel(g.qubits().get(0))
                            + ", " + circuit.qubitLabel(g.qubits().get(1)) + " (operation " + (i + 1) + "): device qubits "
                            + g.qubits().get(0) + " and " + g.qubits().get(1) + " are not coupled on " + name);
                }
            }
        }
        return new CalibrationNoiseModel(device);
    }
}
