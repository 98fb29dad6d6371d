package io.qubench.device;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** A calibration snapshot of a device at one moment. */
public record Calibration(String device, OffsetDateTime timestamp, List<QubitCalibration> qubits, List<GateCalibration> gates) {

    public Calibration {
        qubits = List.copyOf(qubits);
        gates = List.copyOf(gates);
    }

    public Optional<GateCalibration> gate(String name, List<Integer> onQubits) {
        return gates.stream().filter(g -> g.gate().equals(name) && g.qubits().equals(onQubits)).findFirst();
    }

    /** Median T1 in seconds over qubits that have one. */
    public double medianT1() {
        return median(qubits, QubitCalibration::t1);
    }

    public double medianT2() {
        return median(qubits, QubitCalibration::t2);
    }

    public double medianReadoutError() {
        return median(qubits, QubitCalibration::readoutError);
    }

    /** Median error of the working two-qubit gates (broken ones left out). */
    public double medianTwoQubitError() {
        return median(gates.stream().filter(g -> g.qubits().size() == 2 && !g.isBroken()).toList(), GateCalibration::error);
    }

    /** Median over the finite values of {@code f}; NaN when there are none. */
    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Override
    public String toString() {
        return "Calibration[" + device + " at " + timestamp + ", " + qubits.size() + " qubits, " + gates.size() + " gates]";
    }
}
