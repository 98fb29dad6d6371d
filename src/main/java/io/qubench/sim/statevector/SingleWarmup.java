package io.qubench.sim.statevector;

import java.util.List;
import java.util.SplittableRandom;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.StandardGate;

/**
 * {@link Warmup} for {@link SingleState}: runs each kind of float pass (targets inside and
 * outside a vector, controls, phases, swaps, sums) on a small state until the JIT has compiled
 * it, in the background while the big state is allocated. Done once per process.
 */
final class SingleWarmup {

    private static final int QUBITS = 10;
    private static final int ROUNDS = 400;
    private static volatile Thread started;

    private SingleWarmup() {
    }

    static void startInBackground() {
        if (started == null) {
            synchronized (SingleWarmup.class) {
                if (started == null) {
                    Thread t = new Thread(SingleWarmup::run, "qubench-single-kernel-warmup");
                    t.setDaemon(true);
                    t.setPriority(Thread.MAX_PRIORITY);
                    t.start();
                    started = t;
                }
            }
        }
    }

    static void run() {
        Matrix h = StandardGate.H.matrix();
        Matrix rxx = StandardGate.RXX.matrix(0.3);
        Matrix three = StandardGate.CCX.matrix().multiply(StandardGate.H.matrix().embed(3, 0));
        double[] phases = new double[1 << 6];
        java.util.Arrays.fill(phases, 0.6);
        List<Kernel> kernels = List.of(
                Kernels.dense(h, new int[] {5}), Kernels.dense(h, new int[] {0}),
                Kernels.dense(rxx, new int[] {4, 7}), Kernels.dense(rxx, new int[] {0, 5}),
                Kernels.dense(three, new int[] {4, 6, 8}), Kernels.dense(three, new int[] {1, 6, 8}),
                Kernels.special(StandardGate.CX, new double[0], new int[] {4, 8}),
                Kernels.special(StandardGate.CX, new double[0], new int[] {1, 2}),
                Kernels.special(StandardGate.CX, new double[0], new int[] {2, 8}),
                Kernels.special(StandardGate.CP, new double[] {0.4}, new int[] {3, 9}),
                Kernels.special(StandardGate.RZZ, new double[] {0.4}, new int[] {0, 9}),
                Kernels.special(StandardGate.CRY, new double[] {0.4}, new int[] {2, 6}),
                new Kernel.DiagonalRange(0, 6, -1, phases, phases));
        try (SingleState s = new SingleState(QUBITS, ParallelPolicy.SEQUENTIAL, 3)) {
            for (int r = 0; r < ROUNDS; r++) {
                for (Kernel k : kernels) {
                    s.apply(k);
                }
            }
            s.sample(64, new SplittableRandom(1));
            s.measure(3, new SplittableRandom(1));
        }
    }
}
