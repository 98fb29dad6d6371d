package io.qubench.sim.statevector;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Whether a run's kernels go through the Vector API or plain loops, and whether it first waits
 * for the vector kernels to compile. Compiled, vector kernels are 3–4× faster than plain loops
 * (random-16: 14 against 54 ms); before C2 has compiled them they run boxed, 100–1000× slower,
 * and compiling them costs ~0.5 s of a two-core machine. So:
 * <ul>
 * <li>a heavy run warms the vector kernels up (in the background while its state is allocated)
 * and waits for them;
 * <li>a light run in a JVM that has not compiled them runs plain loops, which compile at once
 * (the command line: random-20 1.6 → 1.2 s, QFT-22 1.4 → 1.1 s whole);
 * <li>a JVM that keeps simulating (the workbench) warms them up once in the background when its
 * light runs have added up to a heavy one, and uses them from then on.
 * </ul>
 * Work is counted in kernel-amplitudes: fused kernels × 2^n, times the shots for a run that
 * branches per shot.
 */
final class KernelChoice {

    /**
     * Work from which waiting for compiled vector kernels pays, measured whole-process with
     * bin/qubench, interleaved: random-20 (170 kernels × 2^20 = 1.8·10^8) plain 1.2 s against
     * vectors 1.6 s; QFT-22 (2.5·10^8) 1.1 against 1.4 s; random-22 (8·10^8) 2.15 against 1.9 s.
     */
    static final double HEAVY_FROM = 4e8;

    /** The choice shared by the runs of this JVM: what it has compiled is shared too. */
    static final KernelChoice JVM = new KernelChoice();

    private final AtomicLong lightWork = new AtomicLong();
    private final AtomicBoolean backgroundStarted = new AtomicBoolean();
    /** The last warm-up started; once it has finished, the vector kernels are compiled. */
    private volatile Warmup lastWarmup;

    /** How one run goes: vector or plain kernels, and the warm-up to wait for before the first gate. */
    record Run(boolean vectors, Warmup waitFor) {
    }

    /** Whether a warm-up has finished in this JVM (its kernels are compiled). */
    boolean vectorsCompiled() {
        Warmup w = lastWarmup;
        return w != null && w.finished();
    }

    /**
     * The choice for a run of {@code kernels} fused kernels on {@code qubits} qubits, repeated
     * {@code passes} times (the shots of a run that branches per shot, else 1); {@code warmup}
     * makes the warm-up of its kernels, started here when one is needed.
     */
    Run forRun(int qubits, int kernels, int passes, Supplier<Warmup> warmup) {
        double work = kernels * Math.pow(2, qubits) * Math.max(1, passes);
        if (vectorsCompiled()) {
            return new Run(true, Warmup.NONE);
        }
        if (work >= HEAVY_FROM) {
            Warmup w = start(warmup);
            return new Run(true, w);
        }
        long total = lightWork.addAndGet((long) work);
        if (total >= HEAVY_FROM && backgroundStarted.compareAndSet(false, true)) {
            start(warmup);
        }
        return new Run(false, Warmup.NONE);
    }

    private Warmup start(Supplier<Warmup> warmup) {
        Warmup w = warmup.get();
        w.startInBackground();
        lastWarmup = w;
        return w;
    }
}
