package io.qubench.sim.statevector;

import java.util.function.Supplier;

/**
 * The contiguous runs of indices of a space whose involved bits are 0, handed to a kernel in
 * batches of run starts, split into parallel work items: both states' kernels take their runs
 * from here. A batch per call because the kernel's loop over it is inlined and a call per run
 * would not be: with a call per run, runs of one to four vectors (a control on 4–6 in single
 * precision) took 1.5–3.2× a Hadamard pass.
 */
final class RunBatches {

    private RunBatches() {
    }

    /** A kernel's work on runs. */
    @FunctionalInterface
    interface Batch {
        /** Processes {@code count} contiguous indices from each of {@code starts[0..runs)}. */
        void apply(long[] starts, int runs, int count);
    }

    /** Amplitudes per parallel work item: large enough to amortise scheduling, small enough to balance. */
    static final int UNIT = 1 << 13;

    private static final int RUN_BATCH = 256;

    /** A pass over fewer amplitudes than this is not split into coarse tasks (trajectories run many small ones). */
    private static final long COARSE_FROM_AMPLITUDES = 1L << 18;

    /**
     * Calls a batch (one from {@code batches} per work item, so that it may own scratch arrays)
     * for every run of the 2^qubits indices from {@code offset} whose {@code involved} bits
     * (ascending) are 0, then OR-ed with {@code fixed}. The next run's start is the next number
     * with those bits (and the bits inside a run) clear: ((x | mask) + 1) & ~mask.
     */
    static void forRuns(ParallelPolicy policy, long offset, int qubits, int[] involved, long fixed, Supplier<Batch> batches) {
        int lo = involved.length == 0 ? qubits : involved[0];
        long runLength = 1L << lo;
        long runs = (1L << (qubits - involved.length)) / runLength;
        int unit = (int) Math.min(runLength, UNIT);
        long perRun = runLength / unit;
        long mask = (unit - 1) | Kernel.Bits.mask(involved);
        long base = offset | fixed;
        ParallelPolicy.RangeBody body = (from, to) -> {
            Batch batch = batches.get();
            long[] starts = new long[(int) Math.min(RUN_BATCH, to - from)];
            long x = Kernel.Bits.deposit(from / perRun << lo, involved) + (from % perRun) * unit;
            int k = 0;
            for (long j = from; j < to; j++) {
                starts[k++] = x | base;
                if (k == starts.length) {
                    batch.apply(starts, k, unit);
                    k = 0;
                }
                x = ((x | mask) + 1) & ~mask;
            }
            if (k > 0) {
                batch.apply(starts, k, unit);
            }
        };
        // The policy's threshold counts items, and an item here is a run of up to a unit: a large
        // pass is split by its amplitudes. (By items, runs of 2^11–2^12 on 26 qubits were too few
        // to split, and rz on qubit 11 ran on one thread: 2.0x a Hadamard pass.)
        if (runs * runLength >= COARSE_FROM_AMPLITUDES) {
            policy.forCoarse(runs * perRun, body);
        } else {
            policy.forRange(runs * perRun, body);
        }
    }
}
