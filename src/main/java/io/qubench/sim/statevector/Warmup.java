package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

import io.qubench.sim.QuantumState;

/**
 * Compiles the kernels a run is about to use before it uses them: a Vector API kernel that runs
 * before C2 has compiled it is several times slower (PERFORMANCE.md); on a 24-qubit state the
 * first run took 4 s instead of 1.4 s. One representative of each kernel shape the run's stages
 * will execute (kind, width, where its qubits sit: inside a SIMD vector, inside a work unit,
 * above it) is applied, round after round, to a small state, in the background while the run
 * allocates its state; the run then waits for it ({@link #await}). Only the circuit's own
 * shapes are compiled: a generic warm-up of every path cost 2 s of CPU on two cores.
 */
public final class Warmup {

    /**
     * For single precision and density matrices, which have vector kernels only: a run of 20+
     * qubits and this many gate-amplitudes (kernels × 2^n) compiles its kernels first (a warm-up
     * of the circuit's own kernel shapes, overlapping the allocation) and waits for them: run cold
     * they would cost more than the wait. Measured on the double-precision state vector before it
     * had plain loops ({@link KernelChoice}), interleaved, plain java -jar: QFT-22 (1.1·10^9)
     * 2.67 → 2.03 s, random-20 (6.3·10^8) 2.80 → 2.04 s; below 20 qubits a run is over before
     * compiling would pay.
     */
    private static final int FROM_QUBITS = 20;
    private static final double FROM_WORK = 5e8;

    /** Whether {@code passes} kernels on {@code qubits} qubits run faster after a warm-up than cold. */
    public static boolean pays(int qubits, long passes) {
        return qubits >= FROM_QUBITS && passes * Math.pow(2, qubits) >= FROM_WORK;
    }

    /** Qubits below this keep their place on the warm-up state: lanes and work units depend on them. */
    static final int KEPT_BELOW = 13;
    /** Representatives per shape (a second one keeps the JIT's type profile honest). */
    private static final int PER_SHAPE = 2;
    /**
     * Compilation is asynchronous: rounds go on until they run at compiled speed (see
     * {@link RoundTimes#compiled}) or the JIT has been idle for a while (its queue has drained),
     * within these bounds.
     */
    private static final int MIN_ROUNDS = 20;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    /** Never wait longer than this (a slow machine still runs, just cold). */
    private static final long MAX_WAIT_MS = 4000;

    /** Nothing to warm up: never started, so waiting for it returns at once. */
    public static final Warmup NONE = new Warmup("none", 0, q -> {
        throw new IllegalStateException("the empty warm-up has no state");
    }, (s, k) -> { }, List.of());

    /**
     * The shapes (see {@link #shape}) a warm-up in this JVM has compiled, by warm-up name: a later
     * run warms up only shapes not among them. Warming up compiled kernels again cost every
     * repeated run of the workbench or the bench 150–600 ms (noisy12 on the density engine:
     * the rounds never run 50× faster than the first when it is already compiled, so each warm-up
     * waited for the JIT to idle).
     */
    private static final Set<String> COMPILED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final int qubits;
    private final IntFunction<QuantumState> newState;
    private final BiConsumer<QuantumState, Kernel> apply;
    private final BiConsumer<QuantumState, List<Kernel>> stages;
    private final List<Kernel> kernels;
    /** Every kernel given was compiled by an earlier warm-up in this JVM: nothing to run. */
    private final boolean alreadyCompiled;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Thread started;

    /**
     * A warm-up applying {@code kernels} with {@code apply} to states of {@code qubits} qubits
     * made by {@code newState}; every kernel must act on qubits below {@code qubits}.
     */
    Warmup(String name, int qubits, IntFunction<QuantumState> newState, BiConsumer<QuantumState, Kernel> apply, List<Kernel> kernels) {
        this(name, qubits, newState, apply, (s, all) -> { }, kernels);
    }

    /**
     * As above, and from the second round on also {@code stages}: all the kernels at once, as the
     * state's cache blocking runs them (gathered pieces, free diagonal ranges), so that those
     * paths are compiled before the run's first stage rather than during it.
     */
    Warmup(String name, int qubits, IntFunction<QuantumState> newState, BiConsumer<QuantumState, Kernel> apply,
            BiConsumer<QuantumState, List<Kernel>> stages, List<Kernel> kernels) {
        this.name = name;
        this.qubits = qubits;
        this.newState = newState;
        this.apply = apply;
        this.stages = stages;
        this.kernels = kernels.stream().filter(k -> !COMPILED.contains(key(k))).toList();
        this.alreadyCompiled = !kernels.isEmpty() && this.kernels.isEmpty();
    }

    /** The kernels this warm-up runs: those given whose shape no earlier warm-up here compiled. */
    List<Kernel> kernels() {
        return kernels;
    }

    private String key(Kernel k) {
        return name + ": " + shape(k);
    }

    /** Forgets what earlier warm-ups compiled, so that a test's warm-up runs whatever ran before it. */
    static void forgetCompiled() {
        COMPILED.clear();
    }

    /**
     * Up to {@link #PER_SHAPE} kernels of each shape among {@code asRun} (the kernels as a run's
     * stages execute them), moved onto a state of {@code qubits} qubits: qubits below
     * {@link #KEPT_BELOW} stay, higher ones take the places above it in order. A kernel with
     * more high qubits than there are places is left out.
     */
    static List<Kernel> representatives(List<Kernel> asRun, int qubits) {
        Map<String, Integer> seen = new HashMap<>();
        List<Kernel> out = new ArrayList<>();
        for (Kernel k : asRun) {
            int[] involved = k.involved();
            int high = 0;
            int[] to = new int[involved[involved.length - 1] + 1];
            for (int q : involved) {
                to[q] = q < KEPT_BELOW ? q : KEPT_BELOW + high++;
            }
            if (KEPT_BELOW + high > qubits) {
                continue;
            }
            if (seen.merge(shape(k), 1, Integer::sum) <= PER_SHAPE) {
                out.add(k.moved(to));
            }
        }
        return out;
    }

    /** What decides which compiled code a kernel runs: its kind, width and where its qubits sit. */
    private static String shape(Kernel k) {
        StringBuilder s = new StringBuilder(k.getClass().getSimpleName());
        switch (k) {
            case Kernel.Dense d -> s.append(" t").append(d.targets().length).append(d.controlMask() != 0 ? " c" : "");
            case Kernel.Diagonal d -> s.append(" t").append(d.targets().length);
            case Kernel.DiagonalRange d -> s.append(d.extra() >= 0 ? " extra" : "");
            case Kernel.Swap w -> s.append(w.controlMask() != 0 ? " c" : "").append(w.a() != 0 ? " swap" : "");
            case Kernel.TraceMix t -> s.append(" t").append(t.rows().length);
        }
        for (int q : k.involved()) {
            // Qubits 0–3 are inside a vector of 4, 8 or 16 lanes (the in-lane kernels' shuffles differ by bit).
            s.append(' ').append(q < 4 ? String.valueOf(q) : q < KEPT_BELOW ? "m" : "h");
        }
        return s.toString();
    }

    /** Starts the warm-up once; later calls, and any on {@link #NONE}, return at once. */
    public void startInBackground() {
        if (this != NONE && !alreadyCompiled && started == null) {
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

    /** Whether it was started and has finished, or had nothing to do because its kernels were compiled before. */
    boolean finished() {
        return alreadyCompiled || started != null && done.getCount() == 0;
    }

    /** Waits for a started warm-up to finish (at most a few seconds); returns at once if none was started. */
    public void await() {
        if (started == null) {
            return;
        }
        try {
            done.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rounds of every kernel until they run compiled or the JIT has been idle for a while, or the
     * time is up, on the calling thread (where tests see a kernel's error).
     */
    public void run() {
        if (alreadyCompiled) {
            return;
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        long compiled = -1;
        long changedAt = begin;
        RoundTimes rounds = new RoundTimes();
        try (QuantumState s = newState.apply(qubits)) {
            long roundStart = begin;
            for (int r = 0; ; r++) {
                for (Kernel k : kernels) {
                    apply.accept(s, k);
                }
                if (r >= 1) {
                    stages.accept(s, kernels);
                }
                long now = System.nanoTime();
                rounds.add(now - roundStart);
                roundStart = now;
                if (timed) {
                    long total = jit.getTotalCompilationTime();
                    if (total != compiled) {
                        compiled = total;
                        changedAt = now;
                    }
                }
                boolean idle = timed ? now - changedAt >= IDLE_NANOS : r >= 3 * MIN_ROUNDS;
                if (r >= MIN_ROUNDS && (idle || rounds.compiled())) {
                    kernels.forEach(k -> COMPILED.add(key(k)));
                    return;
                }
                if (now > deadline) {
                    return;
                }
            }
        }
    }

    /**
     * The durations of the rounds so far. The JIT goes on compiling odds and ends long after the
     * kernels are compiled (on random-24 it never idled for 150 ms and the warm-up ran its 4 s
     * while rounds had taken 1 ms each for 1.5 s), so the rounds' own speed says when to stop.
     * The typical (median) recent round decides, not the slowest: on two cores a collection or
     * another thread's compile makes one round in ten 5–10× slower, and waiting for ten clean
     * rounds in a row kept QFT-26 warming up compiled kernels for 0.5–0.9 s more.
     */
    static final class RoundTimes {
        /** Recent rounds whose median must be close to the fastest. */
        static final int STEADY = 10;
        /** How close: within this factor of the fastest round. */
        static final double CLOSE = 1.5;
        /** Compiled kernels beat the interpreted first round by 100–1000×; a stall at 20× is a kernel still interpreted. */
        static final double SPEED_UP = 50;

        private long first = -1;
        private long fastest = Long.MAX_VALUE;
        private final long[] last = new long[STEADY];
        private int count;

        void add(long nanos) {
            if (first < 0) {
                first = nanos;
            }
            fastest = Math.min(fastest, nanos);
            last[count++ % STEADY] = nanos;
        }

        /** The median of the last {@link #STEADY} rounds is within {@link #CLOSE} of the fastest, which is far faster than the first. */
        boolean compiled() {
            if (count < STEADY + 1 || fastest * SPEED_UP > first) {
                return false;
            }
            long[] recent = last.clone();
            java.util.Arrays.sort(recent);
            return recent[STEADY / 2] <= CLOSE * fastest;
        }
    }
}
