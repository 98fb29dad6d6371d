package io.qubench.transpile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each circuit (virtual) qubit sits on the device: a permutation of all the device's
 * qubits, so that routing may move circuit qubits onto unused device qubits. Virtual qubits at
 * and above {@link #circuitQubits()} are the idle device qubits (ancillas, in |0⟩).
 */
public final class Layout {

    private final int circuitQubits;
    private final int[] physicalOf;

    Layout(int circuitQubits, int[] physicalOf) {
        this.circuitQubits = circuitQubits;
        this.physicalOf = physicalOf.clone();
        boolean[] seen = new boolean[physicalOf.length];
        for (int p : physicalOf) {
            if (p < 0 || p >= physicalOf.length || seen[p]) {
                throw new IllegalArgumentException("not a permutation: " + Arrays.toString(physicalOf));
            }
            seen[p] = true;
        }
    }

    /** Circuit qubit i on device qubit i. */
    public static Layout trivial(int circuitQubits, int deviceQubits) {
        int[] p = new int[deviceQubits];
        Arrays.setAll(p, i -> i);
        return new Layout(circuitQubits, p);
    }

    /** Circuit qubit v on {@code placed[v]}; the other device qubits take the remaining virtual indices in order. */
    static Layout of(int[] placed, int deviceQubits) {
        int[] p = new int[deviceQubits];
        boolean[] used = new boolean[deviceQubits];
        for (int v = 0; v < placed.length; v++) {
            p[v] = placed[v];
            used[placed[v]] = true;
        }
        int next = placed.length;
        for (int q = 0; q < deviceQubits; q++) {
            if (!used[q]) {
                p[next++] = q;
            }
        }
        return new Layout(placed.length, p);
    }

    public int circuitQubits() {
        return circuitQubits;
    }

    public int deviceQubits() {
        return physicalOf.length;
    }

    /** The device qubit holding virtual qubit {@code v} (a circuit qubit or an ancilla). */
    public int physical(int v) {
        return physicalOf[v];
    }

    /** The virtual qubit on device qubit {@code p}. */
    public int virtualAt(int p) {
        for (int v = 0; v < physicalOf.length; v++) {
            if (physicalOf[v] == p) {
                return v;
            }
        }
        throw new IllegalArgumentException("device qubit " + p + " is out of range");
    }

    int[] toArray() {
        return physicalOf.clone();
    }

    /** Circuit qubit index → device qubit, for the circuit's own qubits only. */
    public Map<Integer, Integer> circuitToDevice() {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int v = 0; v < circuitQubits; v++) {
            m.put(v, physicalOf[v]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout l && l.circuitQubits == circuitQubits && Arrays.equals(l.physicalOf, physicalOf);
    }

    @Override
    public int hashCode() {
        return 31 * circuitQubits + Arrays.hashCode(physicalOf);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Layout[");
        for (int v = 0; v < circuitQubits; v++) {
            sb.append(v == 0 ? "" : ", ").append(v).append("→").append(physicalOf[v]);
        }
        return sb.append(']').toString();
    }
}
