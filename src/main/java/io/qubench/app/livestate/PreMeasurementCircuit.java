package io.qubench.app.livestate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;

/**
 * The unitary part of a circuit whose ideal state the live view shows: measurements are left
 * out, and the circuit is cut at the first operation that depends on a measurement outcome or
 * is not unitary (a reset, a classical condition, a gate on an already measured qubit), since
 * no single pure state describes what follows.
 *
 * @param gates the circuit with only the kept gates
 * @param note  what the state shown is, in words for the panel
 */
record PreMeasurementCircuit(Circuit gates, String note, boolean cut) {

    static PreMeasurementCircuit of(Circuit circuit) {
        Circuit flat = circuit.inlined();
        List<Operation> kept = new ArrayList<>();
        Set<Integer> measured = new HashSet<>();
        int measurements = 0;
        List<Operation> ops = flat.operations();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            String stop = reasonToStop(flat, op, measured);
            if (stop != null) {
                return new PreMeasurementCircuit(flat.withOperations(kept),
                        "State before operation " + (i + 1) + " of " + ops.size() + " (" + stop
                                + "): what follows depends on measurement outcomes",
                        true);
            }
            switch (op) {
                case Measurement m -> {
                    measured.add(m.qubit());
                    measurements++;
                }
                case GateOperation g -> kept.add(g);
                case Barrier b -> { }
                case Reset r -> throw new IllegalStateException("a reset always stops the unitary part");
            }
        }
        String note = measurements == 0 ? "Ideal final state" : "Ideal state before the " + measurements + " measurement"
                + (measurements == 1 ? "" : "s");
        return new PreMeasurementCircuit(flat.withOperations(kept), note, false);
    }

    private static String reasonToStop(Circuit c, Operation op, Set<Integer> measured) {
        if (op.condition().isPresent()) {
            return "a classically conditioned operation";
        }
        if (op instanceof Reset r) {
            return "reset of " + c.qubitLabel(r.qubit());
        }
        if (op instanceof GateOperation g) {
            for (int q : g.qubits()) {
                if (measured.contains(q)) {
                    return "a gate on " + c.qubitLabel(q) + " after its measurement";
                }
            }
        }
        return null;
    }
}
