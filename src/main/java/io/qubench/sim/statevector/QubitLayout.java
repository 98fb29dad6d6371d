package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * Where each logical qubit lives in a state's index: SWAP gates exchange entries here instead
 * of moving memory (the QFT's final swaps cost nothing). Shared by both precisions; only the
 * states see physical indices.
 */
final class QubitLayout {

    private final int[] physical;

    private QubitLayout(int[] physical) {
        this.physical = physical;
    }

    static QubitLayout identity(int n) {
        return new QubitLayout(java.util.stream.IntStream.range(0, n).toArray());
    }

    QubitLayout copy() {
        return new QubitLayout(physical.clone());
    }

    void assign(QubitLayout other) {
        System.arraycopy(other.physical, 0, physical, 0, physical.length);
    }

    /** The physical bit of logical qubit {@code q}. */
    int physical(int q) {
        return physical[q];
    }

    boolean relabelled() {
        for (int q = 0; q < physical.length; q++) {
            if (physical[q] != q) {
                return true;
            }
        }
        return false;
    }

    /** The logical basis index of physical index {@code i}. */
    long logicalIndex(long i) {
        long out = 0;
        for (int q = 0; q < physical.length; q++) {
            out |= ((i >>> physical[q]) & 1) << q;
        }
        return out;
    }

    int[] toPhysical(int[] logical) {
        int[] out = new int[logical.length];
        for (int j = 0; j < logical.length; j++) {
            out[j] = physical[logical[j]];
        }
        return out;
    }

    /** The bits of a logical mask (bit q = qubit q) at their physical places. */
    long toPhysical(long logicalMask) {
        long out = 0;
        for (int q = 0; q < physical.length; q++) {
            out |= ((logicalMask >>> q) & 1) << physical[q];
        }
        return out;
    }

    /** Outcomes drawn on physical bits, read as logical qubits. */
    List<BitSet> toLogical(List<BitSet> drawn) {
        if (!relabelled()) {
            return drawn;
        }
        List<BitSet> out = new ArrayList<>(drawn.size());
        for (BitSet b : drawn) {
            BitSet logical = new BitSet(physical.length);
            for (int q = 0; q < physical.length; q++) {
                logical.set(q, b.get(physical[q]));
            }
            out.add(logical);
        }
        return out;
    }

    /** Takes in the SWAP gates as relabellings and returns the other gates on physical qubits. */
    List<GateOperation> place(List<GateOperation> gates) {
        List<GateOperation> placed = new ArrayList<>(gates.size());
        for (GateOperation g : gates) {
            if (g.gate() == StandardGate.SWAP) {
                int a = g.qubits().get(0);
                int b = g.qubits().get(1);
                int t = physical[a];
                physical[a] = physical[b];
                physical[b] = t;
            } else {
                List<Integer> q = g.qubits().stream().map(x -> physical[x]).toList();
                placed.add(new GateOperation(g.gate(), g.params(), q, g.conditionOrNull()));
            }
        }
        return placed;
    }
}
