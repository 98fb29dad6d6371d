package io.qubench.noise;

import java.util.List;

import io.qubench.circuit.Matrix;

/**
 * A completely positive, trace-preserving map on k qubits, given by Kraus operators:
 * ρ ↦ Σ K ρ K†. Argument j of a Kraus matrix is bit j of its index, as for gates.
 *
 * @param name short description for reports ("depolarizing(0.01)")
 * @param unitaryMixture true when every Kraus operator is a multiple of a unitary (Pauli
 *        channels, depolarizing): trajectories can then pick operators before simulating
 */
public record QuantumChannel(String name, List<Matrix> kraus, boolean unitaryMixture) {

    public QuantumChannel {
        kraus = List.copyOf(kraus);
        if (kraus.isEmpty()) {
            throw new IllegalArgumentException("a channel needs at least one Kraus operator");
        }
        int d = kraus.getFirst().dimension();
        for (Matrix k : kraus) {
            if (k.dimension() != d) {
                throw new IllegalArgumentException("Kraus operators of " + name + " have different sizes");
            }
        }
    }

    public int qubits() {
        return kraus.getFirst().qubits();
    }

    /**
     * Average gate fidelity against the identity: (d·F_e + 1)/(d + 1) with the entanglement
     * fidelity F_e = Σ |Tr K|² / d². One minus it is what calibrations report as gate error.
     */
    public double averageGateFidelity() {
        int d = kraus.getFirst().dimension();
        double fe = 0;
        for (Matrix k : kraus) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < d; i++) {
                re += k.re(i, i);
                im += k.im(i, i);
            }
            fe += (re * re + im * im) / ((double) d * d);
        }
        return (d * fe + 1) / (d + 1);
    }

    /** Σ K†K = I within {@code tolerance}. */
    public boolean isTracePreserving(double tolerance) {
        int d = kraus.getFirst().dimension();
        Matrix sum = null;
        for (Matrix k : kraus) {
            Matrix term = k.adjoint().multiply(k);
            sum = sum == null ? term : sum.plus(term);
        }
        return sum.approximatelyEquals(Matrix.identity(d), tolerance);
    }

    /**
     * The superoperator on vec(ρ) with vec index r + d·c for entry ρ[r][c] (row bits low, column
     * bits high): S[(r,c),(r',c')] = Σ K[r][r'] · conj(K[c][c']).
     */
    public Matrix superoperator() {
        int d = kraus.getFirst().dimension();
        int dd = d * d;
        double[] s = new double[2 * dd * dd];
        for (Matrix k : kraus) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    for (int r2 = 0; r2 < d; r2++) {
                        for (int c2 = 0; c2 < d; c2++) {
                            double ar = k.re(r, r2);
                            double ai = k.im(r, r2);
                            double br = k.re(c, c2);
                            double bi = -k.im(c, c2);
                            int row = r + d * c;
                            int col = r2 + d * c2;
                            s[2 * (row * dd + col)] += ar * br - ai * bi;
                            s[2 * (row * dd + col) + 1] += ar * bi + ai * br;
                        }
                    }
                }
            }
        }
        return Matrix.of(dd, s);
    }
}
