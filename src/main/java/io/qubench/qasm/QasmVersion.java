package io.qubench.qasm;

/** The two OpenQASM languages Qubench reads and writes. */
public enum QasmVersion {
    V2, V3
}
