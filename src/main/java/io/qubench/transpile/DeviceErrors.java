package io.qubench.transpile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;

/**
 * Error rates read from a device's calibration, with the fallbacks the noise model uses: a gate
 * without its own calibration takes {@code sx}'s on its qubit (one-qubit) or the native gate's on
 * the pair in either direction (two-qubit); a missing value takes the device's median.
 */
final class DeviceErrors {

    private final Device device;
    private final Map<Key, GateCalibration> byGate = new HashMap<>();
    private final Map<Key, Double> cache = new HashMap<>();
    private final double[] readout;
    private final double[][] twoQubit;
    private final double medianOneQubit;
    private final double medianTwoQubit;
    private final double medianReadout;

    /** Calibrations looked up by gate and qubits (the transpiler asks millions of times). */
    private record Key(String gate, List<Integer> qubits) {
    }

    DeviceErrors(Device device) {
        this.device = device;
        Calibration cal = device.calibration();
        cal.gates().forEach(g -> byGate.putIfAbsent(new Key(g.gate(), g.qubits()), g));
        this.medianOneQubit = orZero(median(cal.gates().stream().filter(g -> g.gate().equals("sx") && !g.isBroken())
                .mapToDouble(GateCalibration::error)));
        this.medianTwoQubit = orZero(cal.medianTwoQubitError());
        this.medianReadout = orZero(cal.medianReadoutError());
        this.twoQubit = new double[device.qubits()][device.qubits()];
        for (double[] row : twoQubit) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        this.readout = new double[device.qubits()];
        for (int p = 0; p < readout.length; p++) {
            double e = p < cal.qubits().size() ? cal.qubits().get(p).readoutError() : Double.NaN;
            readout[p] = Double.isFinite(e) ? Math.min(1, e) : medianReadout;
        }
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
        return cache.computeIfAbsent(new Key(name, qubits), k -> lookUp(name, qubits));
    }

    private double lookUp(String name, List<Integer> qubits) {
        Optional<GateCalibration> g = find(name, qubits);
        if (g.isEmpty() && qubits.size() == 1) {
            g = find("sx", qubits);
        }
        if (g.isEmpty() && qubits.size() == 2) {
            String native2q = device.twoQubitGate();
            g = find(native2q, qubits).or(() -> find(native2q, List.of(qubits.get(1), qubits.get(0))));
        }
        if (g.isPresent() && Double.isFinite(g.get().error())) {
            return Math.min(1, g.get().error());
        }
        return qubits.size() == 1 ? medianOneQubit : medianTwoQubit;
    }

    private Optional<GateCalibration> find(String name, List<Integer> qubits) {
        return Optional.ofNullable(byGate.get(new Key(name, qubits)));
    }

    /** The native two-qubit gate's error on a coupled pair, whichever its direction. */
    double twoQubit(int a, int b) {
        if (Double.isNaN(twoQubit[a][b])) {
            twoQubit[a][b] = gate(device.twoQubitGate(), List.of(a, b));
        }
        return twoQubit[a][b];
    }

    double oneQubit(int p) {
        return gate("sx", List.of(p));
    }

    /** Mean of P(1|0) and P(0|1) on device qubit {@code p}. */
    double readout(int p) {
        return readout[p];
    }
}
