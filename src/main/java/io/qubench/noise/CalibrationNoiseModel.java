package io.qubench.noise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;
import io.qubench.device.QubitCalibration;

/**
 * A device's noise from its calibration, as Qiskit Aer's {@code NoiseModel.from_backend} builds
 * it (PROVIDERS.md §6): after each gate, a depolarizing term fitted so that the total error
 * matches the reported gate error, then thermal relaxation over the gate's length from T1 and
 * T2; readout errors on measured qubits. Circuit qubit i is device qubit i.
 *
 * <p>Gates the device does not calibrate take the nearest calibrated gate: a one-qubit gate that
 * of {@code sx} on its qubit, a two-qubit gate that of the native gate on the pair (either
 * direction). Without a transpiler that is an approximation, said so by {@link #approximated()}.
 */
public final class CalibrationNoiseModel implements NoiseModel {

    private final Device device;
    private final Map<String, List<Applied>> cache = new HashMap<>();
    private boolean approximated;

    public CalibrationNoiseModel(Device device) {
        this.device = device;
    }

    public Device device() {
        return device;
    }

    /** True once a gate without a calibration of its own was given another gate's error. */
    public boolean approximated() {
        return approximated;
    }

    @Override
    public synchronized List<Applied> after(GateOperation gate) {
        String key = gate.gate().qasmName() + gate.qubits();
        return cache.computeIfAbsent(key, k -> build(gate.gate().qasmName(), gate.qubits()));
    }

    private List<Applied> build(String name, List<Integer> qubits) {
        Calibration cal = device.calibration();
        Optional<GateCalibration> found = cal.gate(name, qubits);
        if (found.isEmpty()) {
            found = nearest(cal, qubits);
            if (found.isPresent()) {
                approximated = true;
            }
        }
        if (found.isEmpty() || qubits.size() > 2) {
            return List.of();
        }
        double error = finiteOr(found.get().error(), 0);
        double length = finiteOr(found.get().length(), 0);
        QuantumChannel channel = gateError(error, length, qubits.stream().map(q -> cal.qubits().get(q)).toList());
        return channel == null ? List.of() : List.of(new Applied(channel, qubits));
    }

    private Optional<GateCalibration> nearest(Calibration cal, List<Integer> qubits) {
        if (qubits.size() == 1) {
            return cal.gate("sx", qubits);
        }
        if (qubits.size() == 2) {
            String g = device.twoQubitGate();
            Optional<GateCalibration> forward = cal.gate(g, qubits);
            return forward.isPresent() ? forward : cal.gate(g, List.of(qubits.get(1), qubits.get(0)));
        }
        return Optional.empty();
    }

    /**
     * Depolarizing fitted to {@code error}, then thermal relaxation of every qubit over
     * {@code length}; null when there is neither.
     */
    static QuantumChannel gateError(double error, double length, List<QubitCalibration> qubits) {
        int n = qubits.size();
        int d = 1 << n;
        double processFidelity = 1;
        List<QuantumChannel> relax = new ArrayList<>();
        for (QubitCalibration q : qubits) {
            double t1 = Double.isFinite(q.t1()) ? q.t1() : Double.POSITIVE_INFINITY;
            double t2 = Double.isFinite(q.t2()) ? Math.min(q.t2(), 2 * t1) : Double.POSITIVE_INFINITY;
            double e1 = Math.exp(-length / t1);
            double e2 = Math.exp(-length / t2);
            processFidelity *= (1 + 2 * e2 + e1) / 4;
            relax.add(length > 0 && Double.isFinite(t1) ? Channels.thermalRelaxation(t1, Double.isFinite(t2) ? t2 : 2 * t1, length, 0)
                    : null);
        }
        double relaxFidelity = (d * processFidelity + 1) / (d + 1);
        double e = Math.min(error, d / (d + 1.0));
        QuantumChannel depolarizing = null;
        if (e > 1 - relaxFidelity) {
            double p = d * (e - (1 - relaxFidelity)) / (d * relaxFidelity - 1);
            double max = Math.pow(4, n) / (Math.pow(4, n) - 1);
            depolarizing = Channels.depolarizing(Math.min(p, max), n);
        }
        QuantumChannel relaxation = relax.stream().allMatch(r -> r == null) ? null : tensor(relax);
        if (depolarizing == null) {
            return relaxation;
        }
        return relaxation == null ? depolarizing : compose(depolarizing, relaxation);
    }

    /** First {@code a}, then {@code b}: Kraus operators B_j·A_i. */
    static QuantumChannel compose(QuantumChannel a, QuantumChannel b) {
        List<Matrix> kraus = new ArrayList<>();
        for (Matrix ka : a.kraus()) {
            for (Matrix kb : b.kraus()) {
                kraus.add(kb.multiply(ka));
            }
        }
        return new QuantumChannel(a.name() + " then " + b.name(), kraus, a.unitaryMixture() && b.unitaryMixture());
    }

    /** Independent channels on consecutive qubits (channel j on argument j); missing ones are the identity. */
    static QuantumChannel tensor(List<QuantumChannel> perQubit) {
        List<Matrix> kraus = List.of(Matrix.identity(1));
        StringBuilder name = new StringBuilder();
        for (QuantumChannel c : perQubit) {
            List<Matrix> ops = c == null ? List.of(Matrix.identity(2)) : c.kraus();
            List<Matrix> next = new ArrayList<>();
            for (Matrix low : kraus) {
                for (Matrix high : ops) {
                    next.add(low.tensorBelow(high));
                }
            }
            kraus = next;
            name.append(name.isEmpty() ? "" : " ⊗ ").append(c == null ? "id" : c.name());
        }
        return new QuantumChannel(name.toString(), kraus, false);
    }

    @Override
    public Optional<ReadoutError> readout(int qubit) {
        if (qubit >= device.qubits()) {
            return Optional.empty();
        }
        QubitCalibration q = device.calibration().qubits().get(qubit);
        if (!Double.isFinite(q.p1Given0()) || !Double.isFinite(q.p0Given1())) {
            return Optional.empty();
        }
        return Optional.of(new ReadoutError(q.p1Given0(), q.p0Given1()));
    }

    @Override
    public boolean isIdeal() {
        return false;
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    @Override
    public String toString() {
        return "noise of " + device.name() + " (" + device.calibration().timestamp().toLocalDate() + ")";
    }
}
