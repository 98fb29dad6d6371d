package io.qubench.circuit;

/** Operations common to standard and user-defined gates. */
public final class Gates {

    private Gates() {
    }

    /** The unitary of any gate for the given parameter values. */
    public static Matrix matrix(Gate gate, double... params) {
        return switch (gate) {
            case StandardGate s -> s.matrix(params);
            case GateDefinition d -> d.matrix(params);
        };
    }
}
