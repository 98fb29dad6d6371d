package io.qubench.transpile;

import io.qubench.circuit.Circuit;

/**
 * A circuit made ready for a device: {@code isa} acts on device qubits (qubit k is device qubit
 * k) with native gates on usable, directed couplers, keeping the original classical registers.
 * Circuit qubit v starts on {@code initial.physical(v)} and ends on {@code finalLayout.physical(v)}.
 */
public record TranspileResult(Circuit isa, Layout initial, Layout finalLayout, TranspileReport report) {
}
