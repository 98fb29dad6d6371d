package io.qubench.sim.statevector;

/**
 * The qubits of a state still in |0⟩: every amplitude with one of their bits set is 0. A stage
 * skips the pieces that lie there, since its kernels keep such a piece zero. From |0…0⟩ the
 * first stages of a circuit thus have little to do: on random-24 the first stage works on 1 of
 * its 512 pieces and the second on 256, and a QFT takes its qubits out of |0⟩ one at a time.
 */
final class GroundQubits {

    /** Bit q set: qubit q (physical) is still in |0⟩. */
    private long mask;

    /** All {@code n} qubits in |0⟩, as in |0…0⟩. */
    GroundQubits(int n) {
        this.mask = (1L << n) - 1;
    }

    /** A copy, for a copy of the state. */
    GroundQubits copy() {
        GroundQubits c = new GroundQubits(0);
        c.assign(this);
        return c;
    }

    /** Takes the ground qubits of {@code other}, whose amplitudes the state has taken. */
    void assign(GroundQubits other) {
        mask = other.mask;
    }

    /** Notes that {@code k} has run: a qubit it involves may have left |0⟩, unless it is a diagonal, which keeps every 0 a 0. */
    void excite(Kernel k) {
        if (!(k instanceof Kernel.Diagonal || k instanceof Kernel.DiagonalRange)) {
            for (int q : k.involved()) {
                mask &= ~(1L << q);
            }
        }
    }

    /**
     * The bits that are 0 in the base of every piece a stage has to work on, ascending: the
     * piece's own qubits ({@code pieceQubits}, a mask) and the ground qubits. The stage's
     * 2^(n − length) bases are the numbers below that with zeros put in at these bits
     * ({@link Kernel.Bits#deposit}); any other piece is all zeros.
     */
    int[] baseZeros(long pieceQubits) {
        return Kernel.Bits.withMask(new int[0], pieceQubits | mask);
    }
}
