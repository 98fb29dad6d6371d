package io.qubench.device;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible, clearly emulated calibration history for a device: daily snapshots going
 * back from its real one, each a seeded random walk of T1, T2, gate and readout errors around
 * the real values, with occasional bad-calibration days (errors several times worse), so that
 * fidelity trends and drift detection have data before any real history exists.
 */
public final class EmulatedDrift {

    /** Label every emulated snapshot carries in its device name. */
    public static final String LABEL = " (emulated drift)";
    /** Chance that a day is a bad-calibration day. */
    static final double BAD_DAY_CHANCE = 0.05;
    /** How much worse errors get on a bad day. */
    static final double BAD_DAY_FACTOR = 4;
    /** Daily step of the random walk (log scale). */
    static final double STEP = 0.04;

    private EmulatedDrift() {
    }

    /** {@code days} daily snapshots ending with the real one, oldest first. Same device and seed, same history. */
    public static List<Calibration> history(Device device, int days, long seed) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        Calibration real = device.calibration();
        SplittableRandom random = new SplittableRandom(seed ^ device.name().hashCode());
        int q = real.qubits().size();
        int g = real.gates().size();
        // Log-scale offsets from the real values, walking backwards in time from 0 (today).
        double[] t1 = new double[q];
        double[] t2 = new double[q];
        double[] readout = new double[q];
        double[] gate = new double[g];
        List<Calibration> out = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            if (day == 0) {
                out.add(real);
                continue;
            }
            walk(t1, random);
            walk(t2, random);
            walk(readout, random);
            walk(gate, random);
            boolean bad = random.nextDouble() < BAD_DAY_CHANCE;
            double errorFactor = bad ? BAD_DAY_FACTOR : 1;
            List<QubitCalibration> qubits = new ArrayList<>(q);
            for (int i = 0; i < q; i++) {
                QubitCalibration r = real.qubits().get(i);
                double t1i = r.t1() * Math.exp(t1[i]) / (bad ? 2 : 1);
                double t2i = Math.min(r.t2() * Math.exp(t2[i]) / (bad ? 2 : 1), 2 * t1i);
                double f = Math.exp(readout[i]) * errorFactor;
                qubits.add(new QubitCalibration(t1i, t2i, clamp(r.p1Given0() * f), clamp(r.p0Given1() * f), r.readoutLength()));
            }
            List<GateCalibration> gates = new ArrayList<>(g);
            for (int i = 0; i < g; i++) {
                GateCalibration r = real.gates().get(i);
                double e = r.isBroken() ? r.error() : clamp(r.error() * Math.exp(gate[i]) * errorFactor);
                gates.add(new GateCalibration(r.gate(), r.qubits(), e, r.length()));
            }
            out.add(new Calibration(real.device() + LABEL, real.timestamp().minusDays(day), qubits, gates));
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static void walk(double[] offsets, SplittableRandom random) {
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] += STEP * (random.nextDouble() * 2 - 1);
        }
    }

    private static double clamp(double p) {
        return Double.isFinite(p) ? Math.min(0.5, Math.max(0, p)) : p;
    }
}
