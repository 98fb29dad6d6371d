package io.qubench.sim;

import java.util.SplittableRandom;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.StandardGate;

/** The circuits of {@code qubench bench} and the JMH benchmarks, each measured at the end. */
public final class BenchmarkCircuits {

    private BenchmarkCircuits() {
    }

    /** H on qubit 0 and a chain of CX: (|0…0⟩ + |1…1⟩)/√2. */
    public static Circuit ghz(int n) {
        CircuitBuilder b = Circuit.builder().qubits(n).clbits(n).h(0);
        for (int q = 1; q < n; q++) {
            b.cx(q - 1, q);
        }
        return b.measureAll().build();
    }

    /** Textbook QFT: H and controlled phases from the top qubit down, then swaps to reverse the order. */
    public static Circuit qft(int n) {
        CircuitBuilder b = Circuit.builder().qubits(n).clbits(n);
        for (int target = n - 1; target >= 0; target--) {
            b.h(target);
            for (int control = target - 1; control >= 0; control--) {
                b.gate(StandardGate.CP, new double[] {Math.PI / Math.pow(2, target - control)}, control, target);
            }
        }
        for (int q = 0; q < n / 2; q++) {
            b.gate(StandardGate.SWAP, q, n - 1 - q);
        }
        return b.measureAll().build();
    }

    /**
     * 20 layers, each a random rx, ry or rz on every qubit, then cx or cz on pairs (0,1),(2,3)…
     * on even layers and (1,2),(3,4)… on odd ones.
     */
    public static Circuit random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StandardGate[] rotations = {StandardGate.RX, StandardGate.RY, StandardGate.RZ};
        CircuitBuilder b = Circuit.builder().qubits(n).clbits(n);
        for (int layer = 0; layer < 20; layer++) {
            for (int q = 0; q < n; q++) {
                b.gate(rotations[rnd.nextInt(3)], new double[] {rnd.nextDouble(0, 2 * Math.PI)}, q);
            }
            for (int q = layer % 2; q + 1 < n; q += 2) {
                b.gate(rnd.nextBoolean() ? StandardGate.CX : StandardGate.CZ, q, q + 1);
            }
        }
        return b.measureAll().build();
    }

    /** {@code gates} random h, s, cx and cz gates on n qubits: the stabilizer engine's benchmark. */
    public static Circuit clifford(int n, int gates, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CircuitBuilder b = Circuit.builder().qubits(n).clbits(n);
        for (int i = 0; i < gates; i++) {
            int a = rnd.nextInt(n);
            switch (rnd.nextInt(4)) {
                case 0 -> b.h(a);
                case 1 -> b.gate(StandardGate.S, a);
                default -> {
                    if (n < 2) {
                        b.h(a);
                        break;
                    }
                    int c = rnd.nextInt(n - 1);
                    c = c >= a ? c + 1 : c;
                    b.gate(rnd.nextBoolean() ? StandardGate.CX : StandardGate.CZ, a, c);
                }
            }
        }
        return b.measureAll().build();
    }
}
