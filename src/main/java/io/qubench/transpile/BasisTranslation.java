package io.qubench.transpile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * Rewrites a circuit in a device's native gates: {@code rz}, {@code sx}, {@code x} and one
 * two-qubit gate ({@code cx}, {@code cz} or {@code ecr}). Every multi-qubit standard gate first
 * becomes CX and one-qubit gates (textbook decompositions, each checked against the gate's
 * matrix in tests); runs of one-qubit gates are then merged and written as
 * rz·sx·rz·sx·rz (the ZSX form), and CX as the native gate with one-qubit corrections.
 * Equal to the original up to a global phase.
 */
public final class BasisTranslation {

    private static final double EPS = 1e-12;
    /** θ this close to π/2 is written with one sx (an error of this size in the unitary is far below any gate's). */
    private static final double ONE_SX_TOLERANCE = 1e-10;

    private BasisTranslation() {
    }

    /** The circuit in {@code rz sx x} plus {@code twoQubitGate}; parameters must be bound. */
    public static Circuit translate(Circuit circuit, String twoQubitGate) {
        return translate(circuit, twoQubitGate, (a, b) -> true);
    }

    /**
     * As {@link #translate(Circuit, String)}, with the native gate only in the directions
     * {@code directed} allows: a CX against the coupler's direction becomes H⊗H·CX·H⊗H the other
     * way round (CZ, being symmetric, just swaps its qubits). Gates under a classical condition
     * are translated one by one, each resulting gate under the same condition.
     */
    static Circuit translate(Circuit circuit, String twoQubitGate, BiPredicate<Integer, Integer> directed) {
        Circuit flat = circuit.inlined();
        List<Operation> cxForm = new ArrayList<>();
        for (Operation op : flat.operations()) {
            if (op instanceof GateOperation g) {
                List<Operation> parts = new ArrayList<>();
                toCx(Operations.conditioned(g, null), parts);
                for (Operation part : parts) {
                    orientCx((GateOperation) part, twoQubitGate, directed, g.conditionOrNull(), cxForm);
                }
            } else {
                cxForm.add(op);
            }
        }
        List<Operation> out = new ArrayList<>();
        Matrix[] pending = new Matrix[flat.numQubits()];
        for (Operation op : cxForm) {
            if (op instanceof GateOperation g && g.condition().isEmpty() && g.qubits().size() == 1) {
                int q = g.qubits().getFirst();
                Matrix m = Gates.matrix(g.gate(), g.paramValues(Map.of()));
                pending[q] = pending[q] == null ? m : m.multiply(pending[q]);
                continue;
            }
            for (int q : op.qubits()) {
                flush(pending, q, out);
            }
            if (op instanceof GateOperation g) {
                List<Operation> parts = new ArrayList<>();
                if (g.qubits().size() == 1) {
                    parts.addAll(zsx(Gates.matrix(g.gate(), g.paramValues(Map.of())), g.qubits().getFirst()));
                } else {
                    native2q(g.qubits().get(0), g.qubits().get(1), twoQubitGate, directed, parts);
                }
                for (Operation part : parts) {
                    out.add(Operations.conditioned((GateOperation) part, g.conditionOrNull()));
                }
            } else {
                out.add(op);
            }
        }
        for (int q = 0; q < pending.length; q++) {
            flush(pending, q, out);
        }
        return flat.withOperations(out);
    }

    /** A CX of the CX form, turned round with Hadamards when the device's coupler points the other way. */
    private static void orientCx(GateOperation g, String twoQubitGate, BiPredicate<Integer, Integer> directed,
            io.qubench.circuit.Condition condition, List<Operation> out) {
        if (g.gate() == StandardGate.CX && !twoQubitGate.equals("cz")) {
            int c = g.qubits().get(0);
            int t = g.qubits().get(1);
            if (!directed.test(c, t) && directed.test(t, c)) {
                for (GateOperation part : List.of(gate(StandardGate.H, c), gate(StandardGate.H, t), gate(StandardGate.CX, t, c),
                        gate(StandardGate.H, c), gate(StandardGate.H, t))) {
                    out.add(Operations.conditioned(part, condition));
                }
                return;
            }
        }
        out.add(Operations.conditioned(g, condition));
    }

    private static void flush(Matrix[] pending, int q, List<Operation> out) {
        if (pending[q] != null) {
            out.addAll(zsx(pending[q], q));
            pending[q] = null;
        }
    }

    /**
     * A one-qubit unitary as rz(λ) sx rz(θ+π) sx rz(φ+π) (time order); as one rz when it is
     * diagonal, x and rz when it is anti-diagonal, and rz sx rz when θ = π/2.
     */
    public static List<GateOperation> zsx(Matrix u, int qubit) {
        // V = U / sqrt(det U) is in SU(2): V = Rz(φ)·Ry(θ)·Rz(λ).
        double detRe = u.re(0, 0) * u.re(1, 1) - u.im(0, 0) * u.im(1, 1) - (u.re(0, 1) * u.re(1, 0) - u.im(0, 1) * u.im(1, 0));
        double detIm = u.re(0, 0) * u.im(1, 1) + u.im(0, 0) * u.re(1, 1) - (u.re(0, 1) * u.im(1, 0) + u.im(0, 1) * u.re(1, 0));
        double halfArg = Math.atan2(detIm, detRe) / 2;
        double cr = Math.cos(-halfArg);
        double ci = Math.sin(-halfArg);
        double v00r = u.re(0, 0) * cr - u.im(0, 0) * ci;
        double v00i = u.re(0, 0) * ci + u.im(0, 0) * cr;
        double v10r = u.re(1, 0) * cr - u.im(1, 0) * ci;
        double v10i = u.re(1, 0) * ci + u.im(1, 0) * cr;
        double theta = 2 * Math.atan2(Math.hypot(v10r, v10i), Math.hypot(v00r, v00i));
        double sum = -2 * Math.atan2(v00i, v00r);   // φ + λ, from V00 = cos(θ/2) e^{-i(φ+λ)/2}
        double diff = 2 * Math.atan2(v10i, v10r);   // φ − λ, from V10 = sin(θ/2) e^{i(φ−λ)/2}
        double phi = (sum + diff) / 2;
        double lambda = (sum - diff) / 2;
        List<GateOperation> out = new ArrayList<>();
        if (Math.abs(Math.sin(theta / 2)) < ONE_SX_TOLERANCE) {
            addRz(phi + lambda, qubit, out);
            return out;
        }
        if (Math.abs(Math.cos(theta / 2)) < ONE_SX_TOLERANCE) {
            // V00 = 0 leaves φ + λ free and V10 carries φ − λ. V = Rz(φ+π/2)·Rx(π)·Rz(λ−π/2)
            // and X·Rz(b) = Rz(−b)·X: one x, then one rz.
            out.add(gate(StandardGate.X, qubit));
            addRz(diff + Math.PI, qubit, out);
            return out;
        }
        if (Math.abs(theta - Math.PI / 2) < ONE_SX_TOLERANCE) {
            // V = Rz(φ+π/2)·Rx(π/2)·Rz(λ−π/2), and Rx(π/2) is sx up to phase.
            addRz(lambda - Math.PI / 2, qubit, out);
            out.add(gate(StandardGate.SX, qubit));
            addRz(phi + Math.PI / 2, qubit, out);
            return out;
        }
        addRz(lambda, qubit, out);
        out.add(gate(StandardGate.SX, qubit));
        addRz(theta + Math.PI, qubit, out);
        out.add(gate(StandardGate.SX, qubit));
        addRz(phi + Math.PI, qubit, out);
        return out;
    }

    private static void addRz(double angle, int qubit, List<GateOperation> out) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        if (Math.abs(a) > EPS) {
            out.add(new GateOperation(StandardGate.RZ, List.of(Expression.of(a)), List.of(qubit)));
        }
    }

    /** CX in the device's native two-qubit gate, with one-qubit corrections. */
    static void native2q(int c, int t, String gate, BiPredicate<Integer, Integer> directed, List<Operation> out) {
        switch (gate) {
            case "cx" -> out.add(gate(StandardGate.CX, c, t));
            case "cz" -> {
                out.addAll(zsx(StandardGate.H.matrix(), t));
                out.add(!directed.test(c, t) && directed.test(t, c) ? gate(StandardGate.CZ, t, c) : gate(StandardGate.CZ, c, t));
                out.addAll(zsx(StandardGate.H.matrix(), t));
            }
            case "ecr" -> {
                // ECR ≅ CX then (S†·X on the control, SX on the target), so CX ≅ ECR then (X·S, SX†).
                out.add(gate(StandardGate.ECR, c, t));
                out.addAll(zsx(StandardGate.X.matrix().multiply(StandardGate.S.matrix()), c));
                out.addAll(zsx(StandardGate.SXDG.matrix(), t));
            }
            default -> throw new IllegalArgumentException("no translation of cx into " + gate);
        }
    }

    private static GateOperation gate(StandardGate g, int... q) {
        return new GateOperation(g, List.of(), java.util.Arrays.stream(q).boxed().toList());
    }

    private static GateOperation gate(StandardGate g, double angle, int... q) {
        return new GateOperation(g, List.of(Expression.of(angle)), java.util.Arrays.stream(q).boxed().toList());
    }

    /** A standard gate as CX and one-qubit gates. */
    static void toCx(GateOperation g, List<Operation> out) {
        StandardGate s = (StandardGate) g.gate();
        double[] p = g.paramValues(Map.of());
        List<Integer> q = g.qubits();
        if (q.size() == 1) {
            out.add(g);
            return;
        }
        int a = q.get(0);
        int b = q.get(1);
        double pi = Math.PI;
        switch (s) {
            case CX -> out.add(g);
            case CZ -> out.addAll(List.of(gate(StandardGate.H, b), gate(StandardGate.CX, a, b), gate(StandardGate.H, b)));
            case CY -> out.addAll(List.of(gate(StandardGate.SDG, b), gate(StandardGate.CX, a, b), gate(StandardGate.S, b)));
            case CH -> out.addAll(List.of(gate(StandardGate.S, b), gate(StandardGate.H, b), gate(StandardGate.T, b),
                    gate(StandardGate.CX, a, b), gate(StandardGate.TDG, b), gate(StandardGate.H, b), gate(StandardGate.SDG, b)));
            case CP, CU1 -> out.addAll(List.of(gate(StandardGate.P, p[0] / 2, a), gate(StandardGate.CX, a, b),
                    gate(StandardGate.P, -p[0] / 2, b), gate(StandardGate.CX, a, b), gate(StandardGate.P, p[0] / 2, b)));
            case CRZ -> out.addAll(List.of(gate(StandardGate.RZ, p[0] / 2, b), gate(StandardGate.CX, a, b),
                    gate(StandardGate.RZ, -p[0] / 2, b), gate(StandardGate.CX, a, b)));
            case CRY -> out.addAll(List.of(gate(StandardGate.RY, p[0] / 2, b), gate(StandardGate.CX, a, b),
                    gate(StandardGate.RY, -p[0] / 2, b), gate(StandardGate.CX, a, b)));
            case CRX -> out.addAll(List.of(gate(StandardGate.H, b), gate(StandardGate.RZ, p[0] / 2, b), gate(StandardGate.CX, a, b),
                    gate(StandardGate.RZ, -p[0] / 2, b), gate(StandardGate.CX, a, b), gate(StandardGate.H, b)));
            case CU3, CU -> {
                double theta = p[0];
                double phi = p[1];
                double lambda = p[2];
                if (s == StandardGate.CU) {
                    out.add(gate(StandardGate.P, p[3], a));
                }
                out.add(gate(StandardGate.P, (lambda + phi) / 2, a));
                out.add(gate(StandardGate.P, (lambda - phi) / 2, b));
                out.add(gate(StandardGate.CX, a, b));
                out.add(new GateOperation(StandardGate.U3, List.of(Expression.of(-theta / 2), Expression.of(0),
                        Expression.of(-(phi + lambda) / 2)), List.of(b)));
                out.add(gate(StandardGate.CX, a, b));
                out.add(new GateOperation(StandardGate.U3, List.of(Expression.of(theta / 2), Expression.of(phi), Expression.of(0)),
                        List.of(b)));
            }
            case SWAP -> out.addAll(List.of(gate(StandardGate.CX, a, b), gate(StandardGate.CX, b, a), gate(StandardGate.CX, a, b)));
            case ISWAP -> out.addAll(List.of(gate(StandardGate.S, a), gate(StandardGate.S, b), gate(StandardGate.H, a),
                    gate(StandardGate.CX, a, b), gate(StandardGate.CX, b, a), gate(StandardGate.H, b)));
            case ECR -> out.addAll(List.of(gate(StandardGate.CX, a, b), gate(StandardGate.X, a), gate(StandardGate.SDG, a),
                    gate(StandardGate.SX, b)));
            case RZZ -> out.addAll(List.of(gate(StandardGate.CX, a, b), gate(StandardGate.RZ, p[0], b), gate(StandardGate.CX, a, b)));
            case RXX -> out.addAll(List.of(gate(StandardGate.H, a), gate(StandardGate.H, b), gate(StandardGate.CX, a, b),
                    gate(StandardGate.RZ, p[0], b), gate(StandardGate.CX, a, b), gate(StandardGate.H, a), gate(StandardGate.H, b)));
            case RYY -> out.addAll(List.of(gate(StandardGate.RX, pi / 2, a), gate(StandardGate.RX, pi / 2, b),
                    gate(StandardGate.CX, a, b), gate(StandardGate.RZ, p[0], b), gate(StandardGate.CX, a, b),
                    gate(StandardGate.RX, -pi / 2, a), gate(StandardGate.RX, -pi / 2, b)));
            case CCX -> {
                int c = q.get(2);
                out.addAll(List.of(gate(StandardGate.H, c), gate(StandardGate.CX, b, c), gate(StandardGate.TDG, c),
                        gate(StandardGate.CX, a, c), gate(StandardGate.T, c), gate(StandardGate.CX, b, c), gate(StandardGate.TDG, c),
                        gate(StandardGate.CX, a, c), gate(StandardGate.T, b), gate(StandardGate.T, c), gate(StandardGate.H, c),
                        gate(StandardGate.CX, a, b), gate(StandardGate.T, a), gate(StandardGate.TDG, b), gate(StandardGate.CX, a, b)));
            }
            case CSWAP -> {
                int c = q.get(2);
                out.add(gate(StandardGate.CX, c, b));
                toCx(gate(StandardGate.CCX, a, b, c), out);
                out.add(gate(StandardGate.CX, c, b));
            }
            default -> throw new IllegalStateException("no decomposition of " + s.qasmName());
        }
    }
}
