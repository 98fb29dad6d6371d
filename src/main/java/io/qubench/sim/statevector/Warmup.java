package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.BenchmarkCircuits;
import io.qubench.sim.QuantumState;

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

    /** The double-precision kernels, with the staged paths (pieces of 2^7 read in runs of 2^3) and the density passes. */
    static final Warmup DOUBLE = new Warmup("double", () -> new FastState(QUBITS, ParallelPolicy.SEQUENTIAL, 3, 7, 3),
            s -> ((FastState) s).applyMatrices(List.of(
                    new FastState.Targeted(StandardGate.CX.matrix().tensorBelow(StandardGate.CX.matrix()), 0, 4, 6, 9),
                    new FastState.Targeted(StandardGate.CX.matrix().tensorBelow(StandardGate.CX.matrix()), 3, 5, 7, 10),
                    new FastState.Targeted(StandardGate.RXX.matrix(0.3), 1, 7))));
    /** The single-precision kernels. */
    static final Warmup SINGLE = new Warmup("single", () -> new SingleState(QUBITS, ParallelPolicy.SEQUENTIAL, 3), s -> { });

    /** Nothing to warm up: never started, so waiting for it returns at once. */
    static final Warmup NONE = new Warmup("none", () -> {
        throw new IllegalStateException("the empty warm-up has no state");
    }, s -> { });

    private final String name;
    private final Supplier<QuantumState> state;
    private final Consumer<QuantumState> extra;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread started;

    private Warmup(String name, Supplier<QuantumState> state, Consumer<QuantumState> extra) {
        this.name = name;
        this.state = state;
        this.extra = extra;
    }

    /** Starts the warm-up once; later calls return at once. */
    void startInBackground() {
        if (started == null) {
            synchronized (this) {
                if (started == null) {
                    Thread t = new Thread(() -> {
                        try {
                            run();
                        } finally {
                            done.countDown();
                        }
                    }, "qubench-" + name + "-kernel-warmup");
                    t.setDaemon(true);
                    t.setPriority(Thread.MAX_PRIORITY);
                    t.start();
                    started = t;
                }
            }
        }
    }

    /** Waits for a started warm-up to finish (at most a few seconds); returns at once if none was started. */
    void await() {
        if (started == null) {
            return;
        }
        try {
            done.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void run() {
        List<List<GateOperation>> circuits = new ArrayList<>();
        for (Circuit c : List.of(BenchmarkCircuits.random(QUBITS, 7), BenchmarkCircuits.qft(QUBITS), BenchmarkCircuits.ghz(QUBITS),
                Circuit.builder().qubits(QUBITS).h(0).h(5).gate(StandardGate.CCX, 0, 5, 9).gate(StandardGate.CRY, new double[] {0.4}, 2, 6)
                        .gate(StandardGate.RZZ, new double[] {0.4}, 0, 9).gate(StandardGate.CSWAP, 1, 4, 8).build())) {
            circuits.add(c.operations().stream().filter(o -> o instanceof GateOperation).map(o -> (GateOperation) o).toList());
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long compiled = -1;
        int idle = 0;
        for (int r = 0; r < (timed ? MAX_ROUNDS : 3 * MIN_ROUNDS) && (r < MIN_ROUNDS || idle < IDLE_ROUNDS); r++) {
            try (QuantumState s = state.get()) {
                for (List<GateOperation> gates : circuits) {
                    s.applyGates(gates);
                }
                extra.accept(s);
                s.sample(16, new SplittableRandom(r));
                s.measure(3, new SplittableRandom(r));
            }
            if (timed) {
                long now = jit.getTotalCompilationTime();
                idle = now == compiled ? idle + 1 : 0;
                compiled = now;
            }
        }
    }
}
