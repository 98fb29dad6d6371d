package io.qubench.transpile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * Removes pairs of equal self-inverse gates (x, cx, cz, ecr, swap, …) with nothing between them
 * on their qubits; cancelling one pair may bring another together (cx x x cx), which a stack
 * per qubit catches in the same pass. Conditioned gates never cancel.
 */
final class InverseCancellation {

    private static final Set<StandardGate> SELF_INVERSE = Set.of(StandardGate.X, StandardGate.Y, StandardGate.Z, StandardGate.H,
            StandardGate.CX, StandardGate.CY, StandardGate.CZ, StandardGate.ECR, StandardGate.SWAP);
    /** Gates that are the same with their two qubits exchanged. */
    private static final Set<StandardGate> SYMMETRIC = Set.of(StandardGate.CZ, StandardGate.SWAP);

    private InverseCancellation() {
    }

    static Circuit apply(Circuit circuit) {
        List<Operation> ops = circuit.operations();
        boolean[] removed = new boolean[ops.size()];
        List<Deque<Integer>> last = new ArrayList<>();
        for (int q = 0; q < circuit.numQubits(); q++) {
            last.add(new ArrayDeque<>());
        }
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.qubits().isEmpty()) {
                continue;
            }
            Integer partner = last.get(op.qubits().getFirst()).peek();
            if (partner != null && cancels(ops.get(partner), op) && op.qubits().stream().allMatch(q -> partner.equals(last.get(q).peek()))) {
                removed[partner] = true;
                removed[i] = true;
                op.qubits().forEach(q -> last.get(q).pop());
                continue;
            }
            for (int q : op.qubits()) {
                last.get(q).push(i);
            }
        }
        List<Operation> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!removed[i]) {
                out.add(ops.get(i));
            }
        }
        return circuit.withOperations(out);
    }

    private static boolean cancels(Operation a, Operation b) {
        if (!(a instanceof GateOperation ga) || !(b instanceof GateOperation gb) || ga.condition().isPresent()
                || gb.condition().isPresent() || ga.gate() != gb.gate() || !(ga.gate() instanceof StandardGate s)
                || !SELF_INVERSE.contains(s)) {
            return false;
        }
        return ga.qubits().equals(gb.qubits())
                || (SYMMETRIC.contains(s) && ga.qubits().equals(List.of(gb.qubits().get(1), gb.qubits().get(0))));
    }
}
