package io.qubench.sim.statevector;

import java.util.List;
import java.util.SplittableRandom;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.StandardGate;

/**
 * Runs every kernel on a small state until the JIT has compiled it: the first pass of a
 * Vector API kernel over a large state would otherwise run interpreted, several times slower
 * (PERFORMANCE.md). Done once per process, in the background, while the big state is allocated.
 */
final class Warmup {

    private static final int QUBITS = 10;
    private static final int ROUNDS = 400;
    private static volatile Thread started;

    private Warmup() {
    }

    /** Starts the warm-up once; later calls return at once. */
    static void startInBackground() {
        if (started == null) {
            synchronized (Warmup.class) {
                if (started == null) {
                    Thread t = new Thread(Warmup::run, "qubench-kernel-warmup");
                    t.setDaemon(true);
                    t.setPriority(Thread.MAX_PRIORITY);
                    t.start();
                    started = t;
                }
            }
        }
    }

    static void run() {
        FastState s = new FastState(QUBITS, ParallelPolicy.SEQUENTIAL, 3);
        Matrix h = StandardGate.H.matrix();
        Matrix rxx = StandardGate.RXX.matrix(0.3);
        Matrix three = StandardGate.CCX.matrix().multiply(StandardGate.H.matrix().embed(3, 0));
        List<Kernel> kernels = List.of(
                Kernels.dense(h, new int[] {5}), Kernels.dense(h, new int[] {0}),
                Kernels.dense(rxx, new int[] {4, 7}), Kernels.dense(rxx, new int[] {0, 5}),
                Kernels.dense(three, new int[] {3, 6, 8}),
                Kernels.special(StandardGate.CX, new double[0], new int[] {4, 8}),
                Kernels.special(StandardGate.CP, new double[] {0.4}, new int[] {3, 9}),
                Kernels.special(StandardGate.RZZ, new double[] {0.4}, new int[] {0, 9}),
                Kernels.special(StandardGate.CRY, new double[] {0.4}, new int[] {2, 6}));
        for (int r = 0; r < ROUNDS; r++) {
            for (Kernel k : kernels) {
                s.apply(k);
            }
        }
        s.sample(64, new SplittableRandom(1));
    }
}
