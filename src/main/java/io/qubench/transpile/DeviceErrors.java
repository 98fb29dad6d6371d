package io.qubench.transpile;

import java.util.List;
import java.util.Optional;

import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;
import io.qubench.device.QubitCalibration;

/**
 * Error rates read from a device's calibration, with the fallbacks the noise model uses: a gate
 * without its own calibration takes {@code sx}'s on its qubit (one-qubit) or the native gate's on
 * the pair in either direction (two-qubit); a missing value takes the device's median.
 */
final class DeviceErrors {

    private final Device device;
    private final double medianOneQubit;
    private final double medianTwoQubit;
    private final double medianReadout;

    DeviceErrors(Device device) {
        this.device = device;
        Calibration cal = device.calibration();
        this.medianOneQubit = orZero(median(cal.gates().stream().filter(g -> g.gate().equals("sx") && !g.isBroken())
                .mapToDouble(GateCalibration::error)));
        this.medianTwoQubit = orZero(cal.medianTwoQubitError());
        this.medianReadout = orZero(cal.medianReadoutError());
    }

    private static double median(java.util.stream.DoubleStream values) {
        double[] v = values.filter(Double::isFinite).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double orZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** Error of gate {@code name} on device qubits {@code qubits}. */
    double gate(String name, List<Integer> qubits) {
        Calibration cal = device.calibration();
        Optional<GateCalibration> g = cal.gate(name, qubits);
        if (g.isEmpty() && qubits.size() == 1) {
            g = cal.gate("sx", qubits);
        }
        if (g.isEmpty() && qubits.size() == 2) {
            String native2q = device.twoQubitGate();
            g = cal.gate(native2q, qubits).or(() -> cal.gate(native2q, List.of(qubits.get(1), qubits.get(0))));
        }
        if (g.isPresent() && Double.isFinite(g.get().error())) {
            return Math.min(1, g.get().error());
        }
        return qubits.size() == 1 ? medianOneQubit : medianTwoQubit;
    }

    /** The native two-qubit gate's error on a coupled pair, whichever its direction. */
    double twoQubit(int a, int b) {
        return gate(device.twoQubitGate(), List.of(a, b));
    }

    double oneQubit(int p) {
        return gate("sx", List.of(p));
    }

    /** Mean of P(1|0) and P(0|1) on device qubit {@code p}. */
    double readout(int p) {
        QubitCalibration q = device.calibration().qubits().get(p);
        double e = q.readoutError();
        return Double.isFinite(e) ? Math.min(1, e) : medianReadout;
    }
}
