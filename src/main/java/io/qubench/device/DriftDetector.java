package io.qubench.device;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Finds the days of a calibration history whose median two-qubit error or median readout error
 * is far from the trailing baseline: more than {@value #THRESHOLD} median absolute deviations
 * (MADs) from the median of the previous {@value #WINDOW} snapshots. Median and MAD, not mean and
 * standard deviation, so an earlier bad day in the window does not hide the next one. The MAD is
 * scaled by {@value #NORMAL_SCALE} (so that for normal noise it estimates the standard deviation)
 * and never counts as less than {@value #MAD_FLOOR} of the median: without that floor a
 * slowly walking history, steady within any two weeks, flags its ordinary day-to-day steps.
 */
public final class DriftDetector {

    /** Snapshots in the trailing baseline. */
    public static final int WINDOW = 14;
    /** Fewer earlier snapshots than this give no baseline: the first days are never flagged. */
    public static final int MIN_BASELINE = 7;
    /** How many MADs from the baseline median count as far. */
    public static final double THRESHOLD = 3;
    /** The MAD of normally distributed values is this many times smaller than their standard deviation. */
    static final double NORMAL_SCALE = 1.4826;
    /** The scaled MAD never counts as less than this fraction of the median. */
    static final double MAD_FLOOR = 0.05;

    /** The figures watched. */
    public enum Metric {
        TWO_QUBIT_ERROR("median 2q error", Calibration::medianTwoQubitError),
        READOUT_ERROR("median readout error", Calibration::medianReadoutError);

        private final String label;
        private final ToDoubleFunction<Calibration> value;

        Metric(String label, ToDoubleFunction<Calibration> value) {
            this.label = label;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public double of(Calibration c) {
            return value.applyAsDouble(c);
        }
    }

    /** One figure against its baseline: the window's median and (scaled, floored) MAD. */
    public record Deviation(Metric metric, double value, double baseline, double mad) {

        /** How many MADs from the baseline, signed (positive: worse for an error). */
        public double mads() {
            return (value - baseline) / mad;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s %.3g is %.1f MADs %s the %d-day median %.3g", metric.label(), value,
                    Math.abs(mads()), value > baseline ? "above" : "below", WINDOW, baseline);
        }
    }

    /** A flagged snapshot, its position in the history and why. */
    public record Flagged(int index, Calibration snapshot, List<Deviation> deviations) {

        public Flagged {
            deviations = List.copyOf(deviations);
        }

        public String reason() {
            return String.join("; ", deviations.stream().map(Deviation::describe).toList());
        }
    }

    private DriftDetector() {
    }

    /** The flagged snapshots of {@code history} (oldest first), in order. */
    public static List<Flagged> flag(List<Calibration> history) {
        List<Flagged> out = new ArrayList<>();
        for (int i = MIN_BASELINE; i < history.size(); i++) {
            List<Calibration> window = history.subList(Math.max(0, i - WINDOW), i);
            List<Deviation> deviations = new ArrayList<>();
            for (Metric m : Metric.values()) {
                Deviation d = deviation(m, history.get(i), window);
                if (d != null && Math.abs(d.mads()) > THRESHOLD) {
                    deviations.add(d);
                }
            }
            if (!deviations.isEmpty()) {
                out.add(new Flagged(i, history.get(i), deviations));
            }
        }
        return out;
    }

    /** Today's figure against the window's median and MAD; null when either has too few values. */
    private static Deviation deviation(Metric metric, Calibration today, List<Calibration> window) {
        double value = metric.of(today);
        double[] past = window.stream().mapToDouble(metric::of).filter(Double::isFinite).toArray();
        if (!Double.isFinite(value) || past.length < MIN_BASELINE) {
            return null;
        }
        double median = median(past);
        double mad = median(Arrays.stream(past).map(x -> Math.abs(x - median)).toArray());
        return new Deviation(metric, value, median, Math.max(NORMAL_SCALE * mad, MAD_FLOOR * Math.abs(median)));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
