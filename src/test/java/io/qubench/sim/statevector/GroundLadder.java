package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.StandardGate;

/**
 * Circuits that take their qubits out of |0⟩ one at a time, in a random order, with gates on
 * qubits still in |0⟩ meanwhile that leave them there: phases (rz, cp, cz) and gates they
 * control (cx, cry). The states skip the pieces of a stage where such a qubit is 1, so these
 * circuits check that every gate that takes a qubit out of |0⟩ (h, x, ry, cx, swap, crx onto
 * it) is noticed, in whichever stage it falls.
 */
final class GroundLadder {

    private GroundLadder() {
    }

    static Circuit circuit(long seed, int n) {
        Random r = new Random(seed);
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, r);
        CircuitBuilder b = Circuit.builder().qubits(n);
        b.gate(StandardGate.H, new double[0], order.getFirst());
        for (int k = 1; k < n; k++) {
            List<Integer> active = order.subList(0, k);
            List<Integer> ground = order.subList(k, n);
            for (int g = 0; g < 5; g++) {
                int a = active.get(r.nextInt(k));
                int other = active.get(r.nextInt(k));
                int z = ground.get(r.nextInt(ground.size()));
                double angle = (r.nextDouble() - 0.5) * 4 * Math.PI;
                switch (r.nextInt(7)) {
                    case 0 -> b.gate(StandardGate.U3, new double[] {angle, 0.3 * angle, 1.1}, a);
                    case 1 -> b.gate(a != other ? StandardGate.RXX : StandardGate.RY, new double[] {angle}, a != other ? new int[] {a, other} : new int[] {a});
                    case 2 -> b.gate(StandardGate.CP, new double[] {angle}, a, z);
                    case 3 -> b.gate(StandardGate.RZ, new double[] {angle}, z);
                    case 4 -> b.gate(StandardGate.CX, new double[0], z, a);
                    case 5 -> b.gate(StandardGate.CRY, new double[] {angle}, z, a);
                    default -> b.gate(StandardGate.CZ, new double[0], a, z);
                }
            }
            int q = order.get(k);
            int a = active.get(r.nextInt(k));
            double angle = 0.4 + r.nextDouble();
            switch (r.nextInt(6)) {
                case 0 -> b.gate(StandardGate.H, new double[0], q);
                case 1 -> b.gate(StandardGate.X, new double[0], q);
                case 2 -> b.gate(StandardGate.RY, new double[] {angle}, q);
                case 3 -> b.gate(StandardGate.CX, new double[0], a, q);
                case 4 -> b.gate(StandardGate.SWAP, new double[0], a, q);
                default -> b.gate(StandardGate.CRX, new double[] {angle}, a, q);
            }
        }
        for (int q = 0; q < n; q++) {
            b.gate(StandardGate.U3, new double[] {0.3 * q + 0.1, 0.7, -0.2 * q}, q);
        }
        return b.build();
    }
}
