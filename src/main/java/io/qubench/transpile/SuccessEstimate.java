package io.qubench.transpile;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;

/**
 * The estimated success probability of a circuit on device qubits: the product over its gates
 * of (1 − the calibrated gate error) and over its measurements of (1 − the readout error).
 * Idle decoherence is not counted, so it is an optimistic estimate.
 */
final class SuccessEstimate {

    private SuccessEstimate() {
    }

    static double of(Circuit isa, DeviceErrors errors) {
        double p = 1;
        for (Operation op : isa.operations()) {
            if (op instanceof GateOperation g) {
                p *= 1 - errors.gate(g.gate().qasmName(), g.qubits());
            } else if (op instanceof Measurement m) {
                p *= 1 - errors.readout(m.qubit());
            }
        }
        return p;
    }
}
