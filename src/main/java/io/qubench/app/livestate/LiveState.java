package io.qubench.app.livestate;

import java.util.List;

import io.qubench.analysis.BlochVector;

/**
 * One computed ideal state, ready to show: the most probable basis states, the largest
 * amplitudes and every qubit's Bloch vector.
 *
 * @param probabilities  the top basis states by probability, in basis order
 * @param amplitudes     the largest amplitudes (at most {@link LiveStateComputer#MAX_AMPLITUDE_ROWS}), in basis order
 * @param nonZero        how many basis states have a non-negligible probability
 * @param expectations   ⟨P⟩ of each Pauli string asked for, in the order asked
 * @param note           what the state is ("Ideal state before the 2 measurements")
 * @param computeNanos   time from circuit to this record
 */
public record LiveState(int qubits, List<Amplitude> probabilities, List<Amplitude> amplitudes, int nonZero,
        List<BlochVector> bloch, List<String> qubitLabels, List<Expectation> expectations, String note, long computeNanos) {

    /** The exact expectation value of one Pauli string (letters qubit 0 rightmost). */
    public record Expectation(String pauli, double value) {
    }

    /** One basis state's amplitude, bitstring qubit 0 rightmost. */
    public record Amplitude(long index, String bitstring, double re, double im) {

        public double probability() {
            return re * re + im * im;
        }

        public double magnitude() {
            return Math.hypot(re, im);
        }

        /** The phase in radians, in (−π, π]. */
        public double phase() {
            return Math.atan2(im, re);
        }
    }
}
