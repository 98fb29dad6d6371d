package io.qubench.circuit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standard gate set with exact matrices. Conventions follow Qiskit: argument 0 is the
 * least-significant bit of the matrix index; for controlled gates the controls come first.
 */
public enum StandardGate implements Gate {
    ID("id", 1, 0),
    X("x", 1, 0),
    Y("y", 1, 0),
    Z("z", 1, 0),
    H("h", 1, 0),
    S("s", 1, 0),
    SDG("sdg", 1, 0),
    T("t", 1, 0),
    TDG("tdg", 1, 0),
    SX("sx", 1, 0),
    SXDG("sxdg", 1, 0),
    RX("rx", 1, 1),
    RY("ry", 1, 1),
    RZ("rz", 1, 1),
    P("p", 1, 1),
    U1("u1", 1, 1),
    U2("u2", 1, 2),
    U3("u3", 1, 3),
    U("u", 1, 3),
    CX("cx", 2, 0),
    CY("cy", 2, 0),
    CZ("cz", 2, 0),
    CH("ch", 2, 0),
    CP("cp", 2, 1),
    CU1("cu1", 2, 1),
    CRX("crx", 2, 1),
    CRY("cry", 2, 1),
    CRZ("crz", 2, 1),
    CU3("cu3", 2, 3),
    CU("cu", 2, 4),
    SWAP("swap", 2, 0),
    ISWAP("iswap", 2, 0),
    ECR("ecr", 2, 0),
    RXX("rxx", 2, 1),
    RYY("ryy", 2, 1),
    RZZ("rzz", 2, 1),
    CCX("ccx", 3, 0),
    CSWAP("cswap", 3, 0);

    private static final Map<String, StandardGate> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StandardGate::qasmName, Function.identity()));

    private final String qasmName;
    private final int numQubits;
    private final int numParams;

    StandardGate(String qasmName, int numQubits, int numParams) {
        this.qasmName = qasmName;
        this.numQubits = numQubits;
        this.numParams = numParams;
    }

    public static Optional<StandardGate> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public String qasmName() {
        return qasmName;
    }

    @Override
    public int numQubits() {
        return numQubits;
    }

    @Override
    public int numParams() {
        return numParams;
    }

    /** The unitary for the given parameter values. */
    public Matrix matrix(double... params) {
        if (params.length != numParams) {
            throw new CircuitException(qasmName + " takes " + numParams + " parameter(s), got " + params.length);
        }
        // A switch, not a lambda per constant: each lambda is a class spun at start-up, and the
        // ahead-of-time cache cannot keep them while the Vector API is an incubator module.
        return switch (this) {
            case ID -> Matrix.identity(2);
            case X -> Matrices.X;
            case Y -> Matrices.Y;
            case Z -> Matrices.Z;
            case H -> Matrices.H;
            case S -> Matrix.diagonalPhases(0, Math.PI / 2);
            case SDG -> Matrix.diagonalPhases(0, -Math.PI / 2);
            case T -> Matrix.diagonalPhases(0, Math.PI / 4);
            case TDG -> Matrix.diagonalPhases(0, -Math.PI / 4);
            case SX -> Matrices.SX;
            case SXDG -> Matrices.SX.adjoint();
            case RX -> Matrices.rx(params[0]);
            case RY -> Matrices.ry(params[0]);
            case RZ -> Matrix.diagonalPhases(-params[0] / 2, params[0] / 2);
            case P -> Matrix.diagonalPhases(0, params[0]);
            case U1 -> Matrix.diagonalPhases(0, params[0]);
            case U2 -> Matrices.u3(Math.PI / 2, params[0], params[1]);
            case U3 -> Matrices.u3(params[0], params[1], params[2]);
            case U -> Matrices.u3(params[0], params[1], params[2]);
            case CX -> Matrix.controlled(Matrices.X, 1);
            case CY -> Matrix.controlled(Matrices.Y, 1);
            case CZ -> Matrix.controlled(Matrices.Z, 1);
            case CH -> Matrix.controlled(Matrices.H, 1);
            case CP -> Matrix.controlled(Matrix.diagonalPhases(0, params[0]), 1);
            case CU1 -> Matrix.controlled(Matrix.diagonalPhases(0, params[0]), 1);
            case CRX -> Matrix.controlled(Matrices.rx(params[0]), 1);
            case CRY -> Matrix.controlled(Matrices.ry(params[0]), 1);
            case CRZ -> Matrix.controlled(Matrix.diagonalPhases(-params[0] / 2, params[0] / 2), 1);
            case CU3 -> Matrix.controlled(Matrices.u3(params[0], params[1], params[2]), 1);
            case CU -> Matrix.controlled(Matrices.u3(params[0], params[1], params[2]).scale(Math.cos(params[3]), Math.sin(params[3])), 1);
            case SWAP -> Matrices.SWAP;
            case ISWAP -> Matrices.ISWAP;
            case ECR -> Matrices.ECR;
            case RXX -> Matrices.rxx(params[0]);
            case RYY -> Matrices.ryy(params[0]);
            case RZZ -> Matrix.diagonalPhases(-params[0] / 2, params[0] / 2, params[0] / 2, -params[0] / 2);
            case CCX -> Matrix.controlled(Matrices.X, 2);
            case CSWAP -> Matrix.controlled(Matrices.SWAP, 1);
        };
    }

    /** True for gates whose matrix is diagonal for every parameter value. */
    public boolean isDiagonal() {
        return switch (this) {
            case ID, Z, S, SDG, T, TDG, RZ, P, U1, CZ, CP, CU1, CRZ, RZZ -> true;
            default -> false;
        };
    }

    /** True for gates of the Clifford group (for any parameter value), used to pick the stabilizer engine. */
    public boolean isClifford() {
        return switch (this) {
            case ID, X, Y, Z, H, S, SDG, SX, SXDG, CX, CY, CZ, SWAP, ISWAP, ECR -> true;
            default -> false;
        };
    }

    /**
     * Standard-gate applications that undo this one (used for {@code inv @} and inverse
     * circuits); each names the arguments of this gate it acts on.
     */
    public List<Application> inverse(List<Expression> params) {
        List<Expression> n = params.stream().map(StandardGate::negate).toList();
        List<Integer> all = java.util.stream.IntStream.range(0, numQubits).boxed().toList();
        return switch (this) {
            case S -> List.of(new Application(SDG, List.of(), all));
            case SDG -> List.of(new Application(S, List.of(), all));
            case T -> List.of(new Application(TDG, List.of(), all));
            case TDG -> List.of(new Application(T, List.of(), all));
            case SX -> List.of(new Application(SXDG, List.of(), all));
            case SXDG -> List.of(new Application(SX, List.of(), all));
            case RX, RY, RZ, P, U1, CP, CU1, CRX, CRY, CRZ, RXX, RYY, RZZ -> List.of(new Application(this, n, all));
            // u3(θ,φ,λ)⁻¹ = u3(−θ,−λ,−φ); u2(φ,λ) = u3(π/2,φ,λ)
            case U3, U, CU3 -> List.of(new Application(this, List.of(n.get(0), n.get(2), n.get(1)), all));
            case U2 -> List.of(new Application(U3, List.of(negate(HALF_PI), n.get(1), n.get(0)), all));
            case CU -> List.of(new Application(CU, List.of(n.get(0), n.get(2), n.get(1), n.get(3)), all));
            // Z on one qubit flips the sign of XX+YY, so iswap⁻¹ = (z⊗1)·iswap·(z⊗1).
            case ISWAP -> List.of(new Application(Z, List.of(), List.of(0)), new Application(ISWAP, List.of(), all),
                    new Application(Z, List.of(), List.of(0)));
            default -> List.of(new Application(this, params, all)); // self-inverse: id x y z h cx cy cz ch swap ecr ccx cswap
        };
    }

    private static final Expression HALF_PI = new Expression.Binary('/', Expression.PI, Expression.of(2));

    private static Expression negate(Expression e) {
        if (e instanceof Expression.Negation neg) {
            return neg.operand();
        }
        if (e instanceof Expression.Constant c) {
            return Expression.of(-c.value());
        }
        return new Expression.Negation(e);
    }

    /** A standard gate with parameters on some of the arguments of another gate. */
    public record Application(StandardGate gate, List<Expression> params, List<Integer> arguments) {
    }

    /** Fixed matrices and parameterised builders shared by the enum constants. */
    static final class Matrices {
        static final double R = Math.sqrt(0.5);
        static final Matrix X = Matrix.of(2, 0, 0, 1, 0, 1, 0, 0, 0);
        static final Matrix Y = Matrix.of(2, 0, 0, 0, -1, 0, 1, 0, 0);
        static final Matrix Z = Matrix.of(2, 1, 0, 0, 0, 0, 0, -1, 0);
        static final Matrix H = Matrix.of(2, R, 0, R, 0, R, 0, -R, 0);
        static final Matrix SX = Matrix.of(2, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5);
        static final Matrix SWAP = Matrix.of(4,
                1, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 1, 0, 0, 0,
                0, 0, 1, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 1, 0);
        static final Matrix ISWAP = Matrix.of(4,
                1, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 1, 0, 0,
                0, 0, 0, 1, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 1, 0);
        /** Qiskit's ECRGate matrix. */
        static final Matrix ECR = Matrix.of(4,
                0, 0, R, 0, 0, 0, 0, R,
                R, 0, 0, 0, 0, -R, 0, 0,
                0, 0, 0, R, 0, 0, R, 0,
                0, -R, 0, 0, R, 0, 0, 0);

        private Matrices() {
        }

        static Matrix rx(double t) {
            double c = Math.cos(t / 2);
            double s = Math.sin(t / 2);
            return Matrix.of(2, c, 0, 0, -s, 0, -s, c, 0);
        }

        static Matrix ry(double t) {
            double c = Math.cos(t / 2);
            double s = Math.sin(t / 2);
            return Matrix.of(2, c, 0, -s, 0, s, 0, c, 0);
        }

        static Matrix u3(double theta, double phi, double lambda) {
            double c = Math.cos(theta / 2);
            double s = Math.sin(theta / 2);
            return Matrix.of(2,
                    c, 0, -Math.cos(lambda) * s, -Math.sin(lambda) * s,
                    Math.cos(phi) * s, Math.sin(phi) * s, Math.cos(phi + lambda) * c, Math.sin(phi + lambda) * c);
        }

        static Matrix rxx(double t) {
            double c = Math.cos(t / 2);
            double s = Math.sin(t / 2);
            return Matrix.of(4,
                    c, 0, 0, 0, 0, 0, 0, -s,
                    0, 0, c, 0, 0, -s, 0, 0,
                    0, 0, 0, -s, c, 0, 0, 0,
                    0, -s, 0, 0, 0, 0, c, 0);
        }

        static Matrix ryy(double t) {
            double c = Math.cos(t / 2);
            double s = Math.sin(t / 2);
            return Matrix.of(4,
                    c, 0, 0, 0, 0, 0, 0, s,
                    0, 0, c, 0, 0, -s, 0, 0,
                    0, 0, 0, -s, c, 0, 0, 0,
                    0, s, 0, 0, 0, 0, c, 0);
        }
    }
}
