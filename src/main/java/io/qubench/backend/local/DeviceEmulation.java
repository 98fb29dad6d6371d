package io.qubench.backend.local;

import java.util.List;
import java.util.Optional;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.device.Device;
import io.qubench.noise.CalibrationNoiseModel;
import io.qubench.noise.NoiseModel;
import io.qubench.noise.ReadoutError;
import io.qubench.transpile.ActiveQubits;
import io.qubench.transpile.TranspileOptions;
import io.qubench.transpile.TranspileResult;
import io.qubench.transpile.Transpiler;

/**
 * A circuit made ready to run on a device's emulator: through the transpiler for the device,
 * then with the device's calibrated noise on the device qubits the transpiler chose — simulated
 * on just those qubits, so that a 5-qubit circuit on a 127-qubit device costs 5-odd qubits.
 * One path for {@code simulate --device} and the {@code emulator:} backends.
 */
public final class DeviceEmulation {

    /** What to simulate: the transpiled circuit on its active device qubits, their noise, and the transpilation. */
    public record Prepared(Circuit circuit, NoiseModel noise, TranspileResult transpiled, boolean measuredAll) {
    }

    private DeviceEmulation() {
    }

    /**
     * The circuit transpiled for {@code device}. A circuit without measurements is measured
     * whole first (circuit qubit k into bit k), so that the counts stay keyed by circuit qubits
     * rather than by device qubits.
     */
    public static Prepared prepare(Transpiler transpiler, Circuit circuit, int shots, long transpileSeed) {
        boolean measuresNothing = circuit.operations().stream().noneMatch(Operation.Measurement.class::isInstance);
        Circuit toRun = measuresNothing ? measuredWhole(circuit) : circuit;
        TranspileResult result = transpiler.transpile(toRun, TranspileOptions.defaults().withSeed(transpileSeed).withShots(shots));
        ActiveQubits active = ActiveQubits.of(result);
        NoiseModel noise = new OnDeviceQubits(new CalibrationNoiseModel(transpiler.device()), active.deviceQubits());
        return new Prepared(active.circuit(), noise, result, measuresNothing);
    }

    public static Prepared prepare(Device device, Circuit circuit, int shots, long transpileSeed) {
        return prepare(new Transpiler(device), circuit, shots, transpileSeed);
    }

    private static Circuit measuredWhole(Circuit circuit) {
        CircuitBuilder b = Circuit.builder();
        circuit.quantumRegisters().forEach(r -> b.addQuantumRegister(r.name(), r.size()));
        circuit.classicalRegisters().forEach(r -> b.addClassicalRegister(r.name(), r.size()));
        circuit.definitions().forEach(b::define);
        circuit.operations().forEach(b::add);
        boolean taken = circuit.quantumRegisters().stream().anyMatch(r -> r.name().equals("meas"))
                || circuit.classicalRegisters().stream().anyMatch(r -> r.name().equals("meas"));
        io.qubench.circuit.ClassicalRegister meas = b.addClassicalRegister(taken ? "meas_all" : "meas", circuit.numQubits());
        for (int q = 0; q < circuit.numQubits(); q++) {
            b.measure(q, meas.clbit(q));
        }
        return b.build();
    }

    /** A device's noise seen from a circuit on some of its qubits: circuit qubit k is device qubit {@code deviceQubits[k]}. */
    private record OnDeviceQubits(CalibrationNoiseModel device, List<Integer> deviceQubits) implements NoiseModel {

        @Override
        public List<Applied> after(GateOperation gate) {
            List<Integer> physical = gate.qubits().stream().map(deviceQubits::get).toList();
            return device.after(new GateOperation(gate.gate(), gate.params(), physical, gate.conditionOrNull())).stream()
                    .map(a -> new Applied(a.channel(), a.qubits().stream().map(deviceQubits::indexOf).toList()))
                    .toList();
        }

        @Override
        public Optional<ReadoutError> readout(int qubit) {
            return device.readout(deviceQubits.get(qubit));
        }

        @Override
        public boolean isIdeal() {
            return false;
        }

        @Override
        public String toString() {
            return device + " on device qubits " + deviceQubits;
        }
    }
}
