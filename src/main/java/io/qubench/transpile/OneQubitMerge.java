package io.qubench.transpile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;

/**
 * Merges each run of unconditioned one-qubit gates on a qubit into one unitary and writes it
 * again in {@code rz sx x} when that takes fewer gates; a run whose product is the identity (up
 * to phase) disappears. Runs end at any other operation on the qubit, barriers included.
 */
final class OneQubitMerge {

    private OneQubitMerge() {
    }

    static Circuit apply(Circuit circuit) {
        List<Operation> out = new ArrayList<>(circuit.operations().size());
        List<List<GateOperation>> runs = new ArrayList<>();
        for (int q = 0; q < circuit.numQubits(); q++) {
            runs.add(new ArrayList<>());
        }
        for (Operation op : circuit.operations()) {
            if (op instanceof GateOperation g && g.qubits().size() == 1 && g.condition().isEmpty()) {
                runs.get(g.qubits().getFirst()).add(g);
                continue;
            }
            for (int q : op.qubits()) {
                flush(runs.get(q), q, out);
            }
            out.add(op);
        }
        for (int q = 0; q < runs.size(); q++) {
            flush(runs.get(q), q, out);
        }
        return circuit.withOperations(out);
    }

    private static void flush(List<GateOperation> run, int qubit, List<Operation> out) {
        if (run.isEmpty()) {
            return;
        }
        Matrix u = Matrix.identity(2);
        for (GateOperation g : run) {
            u = Gates.matrix(g.gate(), g.paramValues(Map.of())).multiply(u);
        }
        List<GateOperation> merged = BasisTranslation.zsx(u, qubit);
        out.addAll(merged.size() < run.size() ? merged : run);
        run.clear();
    }
}
