package io.qubench.device;

import java.util.List;

/** One gate on specific qubits: error probability and duration in seconds (NaN when absent). */
public record GateCalibration(String gate, List<Integer> qubits, double error, double length) {

    /** A gate error this high means the gate (or coupler) is broken and must not be used. */
    public static final double BROKEN_ERROR = 0.5;

    public GateCalibration {
        qubits = List.copyOf(qubits);
    }

    public boolean isBroken() {
        return error >= BROKEN_ERROR;
    }
}
