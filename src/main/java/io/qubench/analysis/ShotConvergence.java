package io.qubench.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How the Wilson interval of an outcome's probability narrows with shots: the widths at
 * doubling shot counts, and the shots needed for a wanted width.
 */
public final class ShotConvergence {

    /** The interval width an outcome of probability p would have after {@code shots} shots. */
    public record Point(int shots, double width) {
    }

    private ShotConvergence() {
    }

    /** Widths at 1, 2, 4, … shots up to and including {@code maxShots}, for an outcome of probability {@code p}. */
    public static List<Point> widths(double p, double level, int maxShots) {
        requireProbability(p);
        if (maxShots < 1) {
            throw new AnalysisException("shot convergence needs at least 1 shot, not " + maxShots);
        }
        List<Point> out = new ArrayList<>();
        for (long n = 1; n <= maxShots; n *= 2) {
            out.add(new Point((int) n, width(p, (int) n, level)));
            if (n * 2 > maxShots && n != maxShots) {
                out.add(new Point(maxShots, width(p, maxShots, level)));
            }
        }
        return out;
    }

    /** The Wilson width at {@code shots} shots when the observed frequency is {@code p}. */
    public static double width(double p, int shots, double level) {
        requireProbability(p);
        return Wilson.forFrequency(p, shots, level).width();
    }

    /** The fewest shots whose interval for probability {@code p} is at most {@code width} wide (binary search). */
    public static int shotsForWidth(double p, double width, double level) {
        requireProbability(p);
        if (!(width > 0 && width < 1)) {
            throw new AnalysisException("a wanted interval width lies strictly between 0 and 1, not " + width);
        }
        int low = 1;
        int high = 1;
        while (width(p, high, level) > width) {
            if (high > Integer.MAX_VALUE / 2) {
                throw new AnalysisException("no shot count up to 2^30 gives an interval of width " + width);
            }
            low = high;
            high *= 2;
        }
        while (low < high) {
            int mid = low + (high - low) / 2;
            if (width(p, mid, level) <= width) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return high;
    }

    private static void requireProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new AnalysisException("a probability lies in [0, 1], not " + p);
        }
    }
}
