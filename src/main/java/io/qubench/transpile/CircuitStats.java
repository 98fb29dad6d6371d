package io.qubench.transpile;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;

/** Size of a circuit for the report: depth and gates by number of qubits (user-defined gates expanded). */
public record CircuitStats(int depth, int oneQubitGates, int twoQubitGates, int multiQubitGates) {

    public static CircuitStats of(Circuit circuit) {
        Circuit flat = circuit.inlined();
        int one = 0;
        int two = 0;
        int more = 0;
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g) {
                switch (g.qubits().size()) {
                    case 1 -> one++;
                    case 2 -> two++;
                    default -> more++;
                }
            }
        }
        return new CircuitStats(flat.depth(), one, two, more);
    }
}
