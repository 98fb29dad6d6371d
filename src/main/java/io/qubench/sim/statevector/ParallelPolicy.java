package io.qubench.sim.statevector;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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

    /** Fork/join over {@code pool}, split into about {@code 4 · threads} chunks. */
    record ForkJoinPolicy(ForkJoinPool pool, int threads, long minParallel) implements ParallelPolicy {
        @Override
        public void forRange(long count, RangeBody body) {
            if (threads <= 1 || count < minParallel) {
                body.run(0, count);
                return;
            }
            long chunk = Math.max(minParallel / 4, (count + 4L * threads - 1) / (4L * threads));
            pool.invoke(new Split(0, count, chunk, body));
        }

        @Override
        public void forCoarse(long count, RangeBody body) {
            if (threads <= 1 || count < 2) {
                body.run(0, count);
                return;
            }
            pool.invoke(new Split(0, count, Math.max(1, count / (4L * threads)), body));
        }
    }

    /** Recursive halving down to chunks of at most {@code chunk} items. */
    final class Split extends RecursiveAction {
        private final long from;
        private final long to;
        private final long chunk;
        private final transient RangeBody body;

        Split(long from, long to, long chunk, RangeBody body) {
            this.from = from;
            this.to = to;
            this.chunk = chunk;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from <= chunk) {
                body.run(from, to);
                return;
            }
            long mid = from + (to - from) / 2;
            invokeAll(new Split(from, mid, chunk, body), new Split(mid, to, chunk, body));
        }
    }
}
