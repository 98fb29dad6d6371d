package io.qubench.sim;

import java.util.Locale;

/**
 * A tensor product of Paulis written as in Qiskit, qubit 0 rightmost: {@code "XIZ"} is Z on
 * qubit 0 and X on qubit 2. Held as X and Z bit masks (Y sets both).
 */
public record PauliString(int qubits, long xMask, long zMask) {

    public static PauliString parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.isEmpty() || s.length() > 63) {
            throw new SimulationException("a Pauli string has 1 to 63 letters of I, X, Y, Z, not '" + text + "'");
        }
        long x = 0;
        long z = 0;
        for (int k = 0; k < s.length(); k++) {
            int qubit = s.length() - 1 - k;
            switch (s.charAt(k)) {
                case 'I' -> { }
                case 'X' -> x |= 1L << qubit;
                case 'Z' -> z |= 1L << qubit;
                case 'Y' -> {
                    x |= 1L << qubit;
                    z |= 1L << qubit;
                }
                default -> throw new SimulationException("'" + s.charAt(k) + "' at position " + (k + 1) + " of Pauli string '"
                        + text + "' is not one of I, X, Y, Z");
            }
        }
        return new PauliString(s.length(), x, z);
    }

    /** Refuses a string with more letters than an n-qubit circuit has qubits, naming both. */
    public PauliString requireFits(int n) {
        if (qubits > n) {
            throw new SimulationException("Pauli string '" + this + "' has " + qubits + " letters; the circuit has " + n
                    + (n == 1 ? " qubit" : " qubits"));
        }
        return this;
    }

    /** Number of Y factors: each contributes a factor i (Y = i·X·Z). */
    public int yCount() {
        return Long.bitCount(xMask & zMask);
    }

    /**
     * ⟨ψ|P|ψ⟩ of a state given as interleaved amplitudes {re0, im0, re1, …} (index bit k = qubit
     * k): Σ_i conj(ψ_(i⊕x)) ψ_i (−1)^|i∧z| times i^y, real for a Hermitian P.
     */
    public double expectationIn(double[] amplitudes) {
        long dimension = amplitudes.length / 2;
        if (qubits > 62 || 1L << qubits > dimension) {
            throw new SimulationException("Pauli string '" + this + "' has " + qubits + " letters for a "
                    + Long.numberOfTrailingZeros(dimension) + "-qubit state");
        }
        double sr = 0;
        double si = 0;
        for (int i = 0; i < dimension; i++) {
            int j = (int) (i ^ xMask);
            double pr = amplitudes[2 * j] * amplitudes[2 * i] + amplitudes[2 * j + 1] * amplitudes[2 * i + 1];
            double pi = amplitudes[2 * j] * amplitudes[2 * i + 1] - amplitudes[2 * j + 1] * amplitudes[2 * i];
            double sign = (Long.bitCount(i & zMask) & 1) == 1 ? -1 : 1;
            sr += sign * pr;
            si += sign * pi;
        }
        return switch (yCount() & 3) {
            case 0 -> sr;
            case 1 -> -si;
            case 2 -> -sr;
            default -> si;
        };
    }

    /** The letters, qubit 0 rightmost, as {@link #parse} reads them. */
    @Override
    public String toString() {
        StringBuilder letters = new StringBuilder(qubits);
        for (int qubit = qubits - 1; qubit >= 0; qubit--) {
            boolean x = (xMask >>> qubit & 1) == 1;
            boolean z = (zMask >>> qubit & 1) == 1;
            letters.append(x ? (z ? 'Y' : 'X') : (z ? 'Z' : 'I'));
        }
        return letters.toString();
    }
}
