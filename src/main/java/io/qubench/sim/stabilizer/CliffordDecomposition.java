package io.qubench.sim.stabilizer;

import java.util.Optional;

import io.qubench.circuit.StandardGate;

/**
 * Applies a standard gate to a tableau as H, S, S†, Paulis and CX, when the gate (with these
 * parameter values) is a Clifford operation; rotations count when their angle is a multiple
 * of π/2. Global phases are dropped: a stabilizer state has none.
 */
final class CliffordDecomposition {

    private static final double ANGLE_TOLERANCE = 1e-12;

    private CliffordDecomposition() {
    }

    /** True when {@link #apply} can apply {@code gate} with {@code params}. */
    static boolean supports(StandardGate gate, double[] params) {
        return switch (gate) {
            case ID, X, Y, Z, H, S, SDG, SX, SXDG, CX, CY, CZ, SWAP, ISWAP, ECR -> true;
            case RX, RY, RZ, P, U1 -> quarterTurns(params[0]).isPresent();
            default -> false;
        };
    }

    /** The angle as a number of quarter turns (0–3), when it is a multiple of π/2. */
    static Optional<Integer> quarterTurns(double angle) {
        double turns = angle / (Math.PI / 2);
        long rounded = Math.round(turns);
        if (Math.abs(turns - rounded) > ANGLE_TOLERANCE * Math.max(1, Math.abs(turns))) {
            return Optional.empty();
        }
        return Optional.of((int) Math.floorMod(rounded, 4L));
    }

    static void apply(Tableau t, StandardGate gate, double[] params, int[] q) {
        switch (gate) {
            case ID -> { }
            case X -> t.pauli(q[0], true, false);
            case Y -> t.pauli(q[0], true, true);
            case Z -> t.pauli(q[0], false, true);
            case H -> t.h(q[0]);
            case S -> t.s(q[0]);
            case SDG -> t.sdg(q[0]);
            case SX -> {
                t.h(q[0]);
                t.s(q[0]);
                t.h(q[0]);
            }
            case SXDG -> {
                t.h(q[0]);
                t.sdg(q[0]);
                t.h(q[0]);
            }
            case RZ, P, U1 -> zTurns(t, q[0], quarterTurns(params[0]).orElseThrow());
            case RX -> {
                t.h(q[0]);
                zTurns(t, q[0], quarterTurns(params[0]).orElseThrow());
                t.h(q[0]);
            }
            case RY -> {
                // Ry = S·Rx·S†: S† first.
                t.sdg(q[0]);
                t.h(q[0]);
                zTurns(t, q[0], quarterTurns(params[0]).orElseThrow());
                t.h(q[0]);
                t.s(q[0]);
            }
            case CX -> t.cx(q[0], q[1]);
            case CZ -> {
                t.h(q[1]);
                t.cx(q[0], q[1]);
                t.h(q[1]);
            }
            case CY -> {
                t.sdg(q[1]);
                t.cx(q[0], q[1]);
                t.s(q[1]);
            }
            case SWAP -> {
                t.cx(q[0], q[1]);
                t.cx(q[1], q[0]);
                t.cx(q[0], q[1]);
            }
            case ISWAP -> {
                t.s(q[0]);
                t.s(q[1]);
                t.h(q[0]);
                t.cx(q[0], q[1]);
                t.cx(q[1], q[0]);
                t.h(q[1]);
            }
            case ECR -> {
                t.cx(q[0], q[1]);
                t.pauli(q[0], true, false);
                t.sdg(q[0]);
                t.h(q[1]);
                t.s(q[1]);
                t.h(q[1]);
            }
            default -> throw new IllegalArgumentException(gate.qasmName() + " is not a Clifford gate");
        }
    }

    /** Z rotation by k quarter turns: I, S, Z, S†. */
    private static void zTurns(Tableau t, int q, int k) {
        switch (k) {
            case 1 -> t.s(q);
            case 2 -> t.pauli(q, false, true);
            case 3 -> t.sdg(q);
            default -> { }
        }
    }
}
