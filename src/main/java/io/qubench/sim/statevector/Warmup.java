package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.BenchmarkCircuits;

/**
 * Runs every kernel, and the staged (cache-blocked) paths around them, on a small state until
 * the JIT has compiled them: a Vector API kernel that runs before C2 has compiled it is several
 * times slower (PERFORMANCE.md), and on a 24-qubit state the first run took 4 s instead of 1.4 s.
 * Done once per process, in the background, when a deep circuit on 20+ qubits is about to
 * run; that run waits for it ({@link #await}) after allocating its state.
 */
final class Warmup {

    private static final int QUBITS = 11;
    /**
     * Compilation is asynchronous: rounds go on until the JIT has been idle for a few of them
     * (its queue has drained; here after about 50 rounds, 1–1.5 s), within these bounds.
     */
    private static final int MIN_ROUNDS = 20;
    private static final int MAX_ROUNDS = 300;
    private static final int IDLE_ROUNDS = 6;
    /** Never wait longer than this (a slow machine still runs, just cold). */
    private static final long MAX_WAIT_MS = 4000;
    private static final CountDownLatch DONE = new CountDownLatch(1);
    private static volatile Thread started;

    private Warmup() {
    }

    /** Starts the warm-up once; later calls return at once. */
    static void startInBackground() {
        if (started == null) {
            synchronized (Warmup.class) {
                if (started == null) {
                    Thread t = new Thread(() -> {
                        try {
                            run();
                        } finally {
                            DONE.countDown();
                        }
                    }, "qubench-kernel-warmup");
                    t.setDaemon(true);
                    t.setPriority(Thread.MAX_PRIORITY);
                    t.start();
                    started = t;
                }
            }
        }
    }

    /** Waits for a started warm-up to finish (at most a few seconds); returns at once if none was started. */
    static void await() {
        if (started == null) {
            return;
        }
        try {
            DONE.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void run() {
        List<List<GateOperation>> circuits = new ArrayList<>();
        for (Circuit c : List.of(BenchmarkCircuits.random(QUBITS, 7), BenchmarkCircuits.qft(QUBITS), BenchmarkCircuits.ghz(QUBITS),
                Circuit.builder().qubits(QUBITS).h(0).h(5).gate(StandardGate.CCX, 0, 5, 9).gate(StandardGate.CRY, new double[] {0.4}, 2, 6)
                        .gate(StandardGate.RZZ, new double[] {0.4}, 0, 9).gate(StandardGate.CSWAP, 1, 4, 8).build())) {
            circuits.add(c.operations().stream().filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList());
        }
        // Superoperator-like passes of the density engine: wide, sparse, on targets inside a vector.
        Matrix wide = StandardGate.CX.matrix().tensorBelow(StandardGate.CX.matrix());
        List<FastState.Targeted> density = List.of(new FastState.Targeted(wide, 0, 4, 6, 9), new FastState.Targeted(wide, 3, 5, 7, 10),
                new FastState.Targeted(StandardGate.RXX.matrix(0.3), 1, 7));
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiled = -1;
        int idle = 0;
        for (int r = 0; r < (timed ? MAX_ROUNDS : 3 * MIN_ROUNDS) && (r < MIN_ROUNDS || idle < IDLE_ROUNDS); r++) {
            // Pieces of 2^7 amplitudes read in runs of 2^3: every stage shape, as on a large state.
            FastState s = new FastState(QUBITS, ParallelPolicy.SEQUENTIAL, 3, 7, 3);
            for (List<GateOperation> gates : circuits) {
                s.applyGates(gates);
            }
            s.applyMatrices(density);
            s.sample(16, new SplittableRandom(r));
            if (timed) {
                long now = jit.getTotalCompilationTime();
                idle = now == compiled ? idle + 1 : 0;
                compiled = now;
            }
        }
    }
}
