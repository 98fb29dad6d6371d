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
        double[] u = new double[shots];
        for (int s = 0; s < shots; s++) {
            u[s] = random.nextDouble();
        }
        Arrays.sort(u);
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
}
