package io.qubench.sim.statevector;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a pass over the state is split across threads. Injected into the engine (as qsim does)
 * so that tests and small states run on the calling thread.
 */
public interface ParallelPolicy {

    /** Runs {@code body} over [0, count), possibly in parallel chunks. */
    void forRange(long count, RangeBody body);

    @FunctionalInterface
    interface RangeBody {
        void run(long from, long to);
    }

    /** Runs {@code body} over [0, count) of coarse items (each worth a parallel task of its own). */
    default void forCoarse(long count, RangeBody body) {
        forRange(count, body);
    }

    ParallelPolicy SEQUENTIAL = (count, body) -> body.run(0, count);

    /** All cores of this machine, for ranges of at least {@code minParallel} items. */
    static ParallelPolicy allCores(long minParallel) {
        return new ForkJoinPolicy(ForkJoinPool.commonPool(), Runtime.getRuntime().availableProcessors(), minParallel);
    }

    /**
     * Over {@code pool}, in about {@code 4 · threads} pieces per range and {@code 8 · threads} per
     * coarse range. The calling thread takes pieces from a shared counter alongside one task per
     * other thread: with {@code pool.invoke} of a fork/join split, the caller (outside the pool) sat
     * parked while the common pool's single worker of two cores did much of a pass alone.
     * Interleaved medians: random-24's gate passes 2.63 → 2.43 s and 2.94 → 2.54 s (whole run
     * 4.86 → 4.57 s), QFT-26 whole 4.46 → 4.09 s, the noisy12 density bench 1.38–2.5 → 1.14–1.31 s,
     * random-26 even to better (12.5 → 11.7 s, in a slow spell).
     */
    record ForkJoinPolicy(ForkJoinPool pool, int threads, long minParallel) implements ParallelPolicy {
        @Override
        public void forRange(long count, RangeBody body) {
            if (count < minParallel) {
                body.run(0, count);
                return;
            }
            share(count, Math.max(minParallel / 4, (count + 4L * threads - 1) / (4L * threads)), body);
        }

        @Override
        public void forCoarse(long count, RangeBody body) {
            share(count, Math.max(1, count / (8L * threads)), body);
        }

        private void share(long count, long piece, RangeBody body) {
            if (threads <= 1 || count <= piece) {
                body.run(0, count);
                return;
            }
            AtomicLong next = new AtomicLong();
            // The first failure itself, not the copy a ForkJoinTask makes of a failure on another thread.
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable takePieces = () -> {
                try {
                    for (long from; (from = next.getAndAdd(piece)) < count; ) {
                        body.run(from, Math.min(count, from + piece));
                    }
                } catch (RuntimeException | Error e) {
                    next.set(count); // the others take no more pieces
                    if (!failure.compareAndSet(null, e)) {
                        failure.get().addSuppressed(e);
                    }
                }
            };
            ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[threads - 1];
            for (int i = 0; i < helpers.length; i++) {
                helpers[i] = pool.submit(takePieces);
            }
            takePieces.run();
            // Reported once the helpers are done too: nothing writes the state after this returns.
            for (ForkJoinTask<?> helper : helpers) {
                helper.join();
            }
            if (failure.get() instanceof Error e) {
                throw e;
            }
            if (failure.get() instanceof RuntimeException e) {
                throw e;
            }
        }
    }
}
