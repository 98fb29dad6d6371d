package io.qubench.analysis;

/**
 * A qubit's reduced state as (⟨X⟩, ⟨Y⟩, ⟨Z⟩): length 1 for a pure qubit, shorter when it is
 * entangled with others (0 for half of a Bell pair).
 */
public record BlochVector(double x, double y, double z) {

    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /**
     * Every qubit's Bloch vector of the pure state {@code amplitudes} (interleaved re, im; index
     * bit k = qubit k), each from its reduced density matrix ρ: z = ρ00 − ρ11, x = 2 Re ρ01,
     * y = −2 Im ρ01, with ρ01 = Σ ψ(…0…) · conj ψ(…1…). One read-only pass over the pairs per qubit.
     */
    public static BlochVector[] ofState(double[] amplitudes, int qubits) {
        if (qubits < 0 || qubits > 30 || amplitudes.length != 2L << qubits) {
            throw new AnalysisException("a " + qubits + "-qubit state has " + (2L << Math.min(qubits, 40))
                    + " interleaved numbers, not " + amplitudes.length);
        }
        BlochVector[] out = new BlochVector[qubits];
        int dimension = 1 << qubits;
        double norm = 0;
        for (double a : amplitudes) {
            norm += a * a;
        }
        if (!(norm > 0)) {
            throw new AnalysisException("the zero vector is not a quantum state");
        }
        for (int q = 0; q < qubits; q++) {
            int mask = 1 << q;
            double z = 0;
            double offRe = 0;
            double offIm = 0;
            for (int i = 0; i < dimension; i++) {
                if ((i & mask) != 0) {
                    continue;
                }
                int j = i | mask;
                double r0 = amplitudes[2 * i];
                double i0 = amplitudes[2 * i + 1];
                double r1 = amplitudes[2 * j];
                double i1 = amplitudes[2 * j + 1];
                z += r0 * r0 + i0 * i0 - r1 * r1 - i1 * i1;
                // ψ0 · conj(ψ1)
                offRe += r0 * r1 + i0 * i1;
                offIm += i0 * r1 - r0 * i1;
            }
            out[q] = new BlochVector(2 * offRe / norm, -2 * offIm / norm, z / norm);
        }
        return out;
    }
}
