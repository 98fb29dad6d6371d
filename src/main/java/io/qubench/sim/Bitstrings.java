package io.qubench.sim;

import java.util.List;

import io.qubench.circuit.ClassicalRegister;

/** Formats classical memory as the bitstrings IBM Composer and Qiskit print. */
public final class Bitstrings {

    private Bitstrings() {
    }

    /** Bit 0 of each register rightmost; registers separated by a space, the last-declared leftmost. */
    public static String format(boolean[] clbits, List<ClassicalRegister> registers) {
        StringBuilder sb = new StringBuilder(clbits.length + registers.size());
        for (int r = registers.size() - 1; r >= 0; r--) {
            ClassicalRegister reg = registers.get(r);
            for (int i = reg.size() - 1; i >= 0; i--) {
                sb.append(clbits[reg.offset() + i] ? '1' : '0');
            }
            if (r > 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Qubit values as a bitstring of {@code qubits} characters, qubit 0 rightmost. */
    public static String ofBits(java.util.BitSet bits, int qubits) {
        StringBuilder sb = new StringBuilder(qubits);
        for (int q = qubits - 1; q >= 0; q--) {
            sb.append(bits.get(q) ? '1' : '0');
        }
        return sb.toString();
    }

    /** The basis index {@code index} of an n-qubit register, qubit 0 rightmost. */
    public static String ofIndex(long index, int qubits) {
        StringBuilder sb = new StringBuilder(qubits);
        for (int q = qubits - 1; q >= 0; q--) {
            sb.append(((index >> q) & 1) == 1 ? '1' : '0');
        }
        return sb.toString();
    }
}
