package io.qubench.circuit;

/** Something that can be applied to qubits: a standard gate or a user-defined one. */
public sealed interface Gate permits StandardGate, GateDefinition {

    /** The OpenQASM name (an enum's {@code name()} would be upper case). */
    String qasmName();

    int numQubits();

    int numParams();
}
