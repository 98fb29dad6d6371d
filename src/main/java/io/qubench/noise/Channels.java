package io.qubench.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.StandardGate;

/** The standard noise channels, with Qiskit Aer's conventions (see PROVIDERS.md §6). */
public final class Channels {

    private static final Matrix I = Matrix.identity(2);
    private static final Matrix X = StandardGate.X.matrix();
    private static final Matrix Y = StandardGate.Y.matrix();
    private static final Matrix Z = StandardGate.Z.matrix();
    private static final Matrix[] PAULIS = {I, X, Y, Z};

    private Channels() {
    }

    /**
     * With probability p the qubits are replaced by the maximally mixed state (Aer's
     * depolarizing_error): every one of the 4^k Paulis has weight p/4^k, the identity 1 − p + p/4^k.
     * Valid for 0 ≤ p ≤ 4^k/(4^k − 1).
     */
    public static QuantumChannel depolarizing(double p, int qubits) {
        if (qubits < 1 || qubits > 2) {
            throw new IllegalArgumentException("depolarizing channels are on 1 or 2 qubits, not " + qubits);
        }
        int terms = 1 << (2 * qubits);
        double max = terms / (terms - 1.0);
        requireRange("depolarizing probability p", p, 0, max);
        List<Matrix> kraus = new ArrayList<>();
        for (int t = 0; t < terms; t++) {
            double w = t == 0 ? 1 - p + p / terms : p / terms;
            if (w > 0) {
                Matrix pauli = qubits == 1 ? PAULIS[t] : PAULIS[t & 3].tensorBelow(PAULIS[t >> 2]);
                kraus.add(pauli.scale(Math.sqrt(w), 0));
            }
        }
        return new QuantumChannel(String.format(Locale.ROOT, "depolarizing(%g, %d)", p, qubits), kraus, true);
    }

    /** X with probability px, Y with py, Z with pz. */
    public static QuantumChannel pauli(double px, double py, double pz) {
        requireRange("px", px, 0, 1);
        requireRange("py", py, 0, 1);
        requireRange("pz", pz, 0, 1);
        requireRange("px + py + pz", px + py + pz, 0, 1);
        List<Matrix> kraus = new ArrayList<>();
        double[] w = {1 - px - py - pz, px, py, pz};
        for (int t = 0; t < 4; t++) {
            if (w[t] > 0) {
                kraus.add(PAULIS[t].scale(Math.sqrt(w[t]), 0));
            }
        }
        return new QuantumChannel(String.format(Locale.ROOT, "pauli(%g, %g, %g)", px, py, pz), kraus, true);
    }

    public static QuantumChannel bitFlip(double p) {
        return rename(pauli(p, 0, 0), "bit_flip", p);
    }

    public static QuantumChannel phaseFlip(double p) {
        return rename(pauli(0, 0, p), "phase_flip", p);
    }

    /** |1⟩ decays to |0⟩ with probability γ. */
    public static QuantumChannel amplitudeDamping(double gamma) {
        requireRange("amplitude damping γ", gamma, 0, 1);
        Matrix k0 = Matrix.of(2, 1, 0, 0, 0, 0, 0, Math.sqrt(1 - gamma), 0);
        Matrix k1 = Matrix.of(2, 0, 0, Math.sqrt(gamma), 0, 0, 0, 0, 0);
        return new QuantumChannel(String.format(Locale.ROOT, "amplitude_damping(%g)", gamma), List.of(k0, k1), false);
    }

    /** Coherences shrink by √(1 − λ), populations are kept. */
    public static QuantumChannel phaseDamping(double lambda) {
        requireRange("phase damping λ", lambda, 0, 1);
        Matrix k0 = Matrix.of(2, 1, 0, 0, 0, 0, 0, Math.sqrt(1 - lambda), 0);
        Matrix k1 = Matrix.of(2, 0, 0, 0, 0, 0, 0, Math.sqrt(lambda), 0);
        return new QuantumChannel(String.format(Locale.ROOT, "phase_damping(%g)", lambda), List.of(k0, k1), false);
    }

    /**
     * Thermal relaxation over {@code time} (Aer's thermal_relaxation_error for T2 ≤ T1... 2·T1):
     * excited-state population after relaxation {@code excited} (0 at zero temperature).
     * Built as amplitude damping with γ = 1 − e^(−t/T1), generalised for a thermal population,
     * followed by pure dephasing so that coherences decay as e^(−t/T2).
     */
    public static QuantumChannel thermalRelaxation(double t1, double t2, double time, double excited) {
        if (!(t1 > 0)) {
            throw new IllegalArgumentException("T1 must be positive, not " + t1);
        }
        if (!(t2 > 0)) {
            throw new IllegalArgumentException("T2 must be positive, not " + t2);
        }
        if (t2 > 2 * t1 * (1 + 1e-12)) {
            throw new IllegalArgumentException("T2 (" + t2 + ") cannot exceed 2·T1 (" + 2 * t1 + ")");
        }
        if (time < 0) {
            throw new IllegalArgumentException("the relaxation time must not be negative, not " + time);
        }
        requireRange("excited-state population", excited, 0, 1);
        double gamma = 1 - Math.exp(-time / t1);
        // Coherence after amplitude damping is √(1−γ) = e^(−t/2T1); the rest comes from dephasing.
        double targetCoherence = Math.exp(-time / t2);
        double dampedCoherence = Math.sqrt(1 - gamma);
        double dephase = dampedCoherence == 0 ? 1 : targetCoherence / dampedCoherence;
        double lambda = Math.max(0, Math.min(1, 1 - dephase * dephase));
        List<Matrix> kraus = new ArrayList<>();
        double g0 = Math.sqrt(1 - excited);
        double g1 = Math.sqrt(excited);
        // Generalised amplitude damping: decay towards |0⟩ with weight 1−excited, towards |1⟩ with excited.
        addIfNonZero(kraus, Matrix.of(2, g0, 0, 0, 0, 0, 0, g0 * Math.sqrt(1 - gamma), 0));
        addIfNonZero(kraus, Matrix.of(2, 0, 0, g0 * Math.sqrt(gamma), 0, 0, 0, 0, 0));
        addIfNonZero(kraus, Matrix.of(2, g1 * Math.sqrt(1 - gamma), 0, 0, 0, 0, 0, g1, 0));
        addIfNonZero(kraus, Matrix.of(2, 0, 0, 0, 0, g1 * Math.sqrt(gamma), 0, 0, 0));
        List<Matrix> withDephasing = new ArrayList<>();
        Matrix d0 = Matrix.of(2, 1, 0, 0, 0, 0, 0, Math.sqrt(1 - lambda), 0);
        Matrix d1 = Matrix.of(2, 0, 0, 0, 0, 0, 0, Math.sqrt(lambda), 0);
        for (Matrix k : kraus) {
            addIfNonZero(withDephasing, d0.multiply(k));
            addIfNonZero(withDephasing, d1.multiply(k));
        }
        return new QuantumChannel(String.format(Locale.ROOT, "thermal_relaxation(T1=%g, T2=%g, t=%g)", t1, t2, time),
                withDephasing, false);
    }

    /** A unitary as a channel. */
    public static QuantumChannel unitary(Matrix u) {
        return new QuantumChannel("unitary", List.of(u), true);
    }

    private static void addIfNonZero(List<Matrix> out, Matrix m) {
        for (double v : m.toArray()) {
            if (Math.abs(v) > 1e-15) {
                out.add(m);
                return;
            }
        }
    }

    private static QuantumChannel rename(QuantumChannel c, String name, double p) {
        return new QuantumChannel(String.format(Locale.ROOT, "%s(%g)", name, p), c.kraus(), c.unitaryMixture());
    }

    private static void requireRange(String what, double v, double min, double max) {
        if (!(v >= min && v <= max + 1e-12)) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", not " + v);
        }
    }
}
