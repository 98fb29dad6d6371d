package io.qubench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Shot sampling for engines that hold all 2^n amplitudes: sorted uniform numbers are matched
 * against the running sum of probabilities in one sweep, so no table of 2^n sums is needed.
 */
public final class DenseSampling {

    /** |amplitude|² of the basis states [from, to), in order. */
    @FunctionalInterface
    public interface Probabilities {
        void forEach(long from, long to, Consumer consumer);

        @FunctionalInterface
        interface Consumer {
            void accept(long index, double probability);
        }
    }

    private DenseSampling() {
    }

    public static List<BitSet> sample(int qubits, Probabilities probabilities, int shots, RandomGenerator random) {
        List<BitSet> out = new ArrayList<>(shots);
        if (shots == 0) {
            return out;
        }
        double[] u = sortedUniforms(shots, 1, random);
        double[] sum = {0};
        int[] next = {0};
        long[] lastNonZero = {0};
        probabilities.forEach(0, 1L << qubits, (index, p) -> {
            if (p > 0) {
                lastNonZero[0] = index;
            }
            sum[0] += p;
            while (next[0] < shots && u[next[0]] < sum[0]) {
                out.add(BitSet.valueOf(new long[] {index}));
                next[0]++;
            }
        });
        // Rounding can leave the total a hair under 1: the last shots go to the last possible state.
        while (out.size() < shots) {
            out.add(BitSet.valueOf(new long[] {lastNonZero[0]}));
        }
        return out;
    }

    /**
     * The same sweep for a state too large to sweep more than once: {@code blockSums[b]} is the
     * probability of the basis states [b·blockSize, (b+1)·blockSize), found by the caller in one
     * parallel pass, and only the blocks a draw falls into are swept. The draws are scaled to the
     * total of the block sums, so a state whose norm drifted from 1 (single precision) is sampled
     * as its normalised self.
     */
    public static List<BitSet> sample(double[] blockSums, long blockSize, Probabilities probabilities, int shots,
            RandomGenerator random) {
        List<BitSet> out = new ArrayList<>(shots);
        if (shots == 0) {
            return out;
        }
        double norm = 0;
        for (double b : blockSums) {
            norm += b;
        }
        double[] u = sortedUniforms(shots, norm, random);
        double[] sum = {0};
        int[] next = {0};
        for (int b = 0; b < blockSums.length && next[0] < shots; b++) {
            if (u[next[0]] >= sum[0] + blockSums[b]) {
                sum[0] += blockSums[b];
                continue;
            }
            probabilities.forEach(b * blockSize, (b + 1) * blockSize, (index, p) -> {
                sum[0] += p;
                while (next[0] < shots && u[next[0]] < sum[0]) {
                    out.add(BitSet.valueOf(new long[] {index}));
                    next[0]++;
                }
            });
        }
        if (out.size() < shots) {
            // Rounding left the running sum a hair under the last draws: they go to the last possible state.
            int last = blockSums.length - 1;
            while (last > 0 && blockSums[last] == 0) {
                last--;
            }
            long[] lastNonZero = {(long) last * blockSize};
            probabilities.forEach((long) last * blockSize, (last + 1L) * blockSize, (index, p) -> {
                if (p > 0) {
                    lastNonZero[0] = index;
                }
            });
            while (out.size() < shots) {
                out.add(BitSet.valueOf(new long[] {lastNonZero[0]}));
            }
        }
        return out;
    }

    private static double[] sortedUniforms(int shots, double scale, RandomGenerator random) {
        double[] u = new double[shots];
        for (int s = 0; s < shots; s++) {
            u[s] = random.nextDouble() * scale;
        }
        Arrays.sort(u);
        return u;
    }
}
