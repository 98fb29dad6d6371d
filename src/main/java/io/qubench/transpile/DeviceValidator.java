package io.qubench.transpile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;

/**
 * Checks, before anything is spent, that a circuit can run on a device: enough qubits, no gate
 * without a translation, shots within the device's maximum, and — for a circuit already placed
 * on the device's qubits — two-qubit gates only on coupled, working pairs.
 */
public final class DeviceValidator {

    private DeviceValidator() {
    }

    /** The problems found, each naming the gate, qubits and device; empty when the circuit can run. */
    public static List<String> problems(Circuit circuit, Device device, int shots, boolean placed) {
        List<String> out = new ArrayList<>();
        String name = device.name();
        if (circuit.numQubits() > device.qubits()) {
            out.add("the circuit has " + circuit.numQubits() + " qubits but " + name + " has " + device.qubits());
        }
        if (shots > device.maxShots()) {
            out.add(shots + " shots exceed " + name + "'s maximum of " + device.maxShots());
        }
        for (GateDefinition d : circuit.definitions()) {
            if (d.opaque()) {
                out.add("gate " + d.name() + " is opaque: it has no definition to translate into " + name + "'s gates "
                        + device.basisGates());
            }
        }
        if (!out.isEmpty() || !placed) {
            return out;
        }
        Set<List<Integer>> coupled = new HashSet<>();
        for (Device.Edge e : device.usableEdges()) {
            coupled.add(List.of(e.control(), e.target()));
            coupled.add(List.of(e.target(), e.control()));
        }
        Set<List<Integer>> broken = new HashSet<>();
        for (GateCalibration g : device.calibration().gates()) {
            if (g.qubits().size() == 2 && g.isBroken()) {
                broken.add(g.qubits());
                broken.add(List.of(g.qubits().get(1), g.qubits().get(0)));
            }
        }
        List<Operation> ops = circuit.inlined().operations();
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Operation.GateOperation g)) {
                continue;
            }
            String where = "gate " + g.gate().qasmName() + " on " + g.qubits().stream().map(circuit::qubitLabel).toList()
                    + " (operation " + (i + 1) + ")";
            if (g.qubits().size() > 2) {
                out.add(where + " acts on " + g.qubits().size() + " qubits; " + name + " runs one- and two-qubit gates only");
            } else if (g.qubits().size() == 2 && broken.contains(g.qubits())) {
                out.add(where + ": the coupler between device qubits " + g.qubits().get(0) + " and " + g.qubits().get(1)
                        + " is broken on " + name + " (gate error ≥ " + GateCalibration.BROKEN_ERROR + ")");
            } else if (g.qubits().size() == 2 && !coupled.contains(g.qubits())) {
                out.add(where + ": device qubits " + g.qubits().get(0) + " and " + g.qubits().get(1) + " are not coupled on " + name);
            }
        }
        return out;
    }

    /** Throws a {@link UserInputException} listing every problem (at most ten), if there is any. */
    public static void require(Circuit circuit, Device device, int shots, boolean placed) {
        List<String> problems = problems(circuit, device, shots, placed);
        if (!problems.isEmpty()) {
            String list = String.join("\n  ", problems.subList(0, Math.min(10, problems.size())));
            String more = problems.size() > 10 ? "\n  … and " + (problems.size() - 10) + " more" : "";
            throw new UserInputException("cannot run on " + device.name() + ":\n  " + list + more);
        }
    }
}
