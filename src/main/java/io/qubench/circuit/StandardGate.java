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
    ID("id", 1, 0, p -> Matrix.identity(2)),
    X("x", 1, 0, p -> Matrices.X),
    Y("y", 1, 0, p -> Matrices.Y),
    Z("z", 1, 0, p -> Matrices.Z),
    H("h", 1, 0, p -> Matrices.H),
    S("s", 1, 0, p -> Matrix.diagonalPhases(0, Math.PI / 2)),
    SDG("sdg", 1, 0, p -> Matrix.diagonalPhases(0, -Math.PI / 2)),
    T("t", 1, 0, p -> Matrix.diagonalPhases(0, Math.PI / 4)),
    TDG("tdg", 1, 0, p -> Matrix.diagonalPhases(0, -Math.PI / 4)),
    SX("sx", 1, 0, p -> Matrices.SX),
    SXDG("sxdg", 1, 0, p -> Matrices.SX.adjoint()),
    RX("rx", 1, 1, p -> Matrices.rx(p[0])),
    RY("ry", 1, 1, p -> Matrices.ry(p[0])),
    RZ("rz", 1, 1, p -> Matrix.diagonalPhases(-p[0] / 2, p[0] / 2)),
    P("p", 1, 1, p -> Matrix.diagonalPhases(0, p[0])),
    U1("u1", 1, 1, p -> Matrix.diagonalPhases(0, p[0])),
    U2("u2", 1, 2, p -> Matrices.u3(Math.PI / 2, p[0], p[1])),
    U3("u3", 1, 3, p -> Matrices.u3(p[0], p[1], p[2])),
    U("u", 1, 3, p -> Matrices.u3(p[0], p[1], p[2])),
    CX("cx", 2, 0, p -> Matrix.controlled(Matrices.X, 1)),
    CY("cy", 2, 0, p -> Matrix.controlled(Matrices.Y, 1)),
    CZ("cz", 2, 0, p -> Matrix.controlled(Matrices.Z, 1)),
    CH("ch", 2, 0, p -> Matrix.controlled(Matrices.H, 1)),
    CP("cp", 2, 1, p -> Matrix.controlled(Matrix.diagonalPhases(0, p[0]), 1)),
    CU1("cu1", 2, 1, p -> Matrix.controlled(Matrix.diagonalPhases(0, p[0]), 1)),
    CRX("crx", 2, 1, p -> Matrix.controlled(Matrices.rx(p[0]), 1)),
    CRY("cry", 2, 1, p -> Matrix.controlled(Matrices.ry(p[0]), 1)),
    CRZ("crz", 2, 1, p -> Matrix.controlled(Matrix.diagonalPhases(-p[0] / 2, p[0] / 2), 1)),
    CU3("cu3", 2, 3, p -> Matrix.controlled(Matrices.u3(p[0], p[1], p[2]), 1)),
    CU("cu", 2, 4, p -> Matrix.controlled(Matrices.u3(p[0], p[1], p[2]).scale(Math.cos(p[3]), Math.sin(p[3])), 1)),
    SWAP("swap", 2, 0, p -> Matrices.SWAP),
    ISWAP("iswap", 2, 0, p -> Matrices.ISWAP),
    ECR("ecr", 2, 0, p -> Matrices.ECR),
    RXX("rxx", 2, 1, p -> Matrices.rxx(p[0])),
    RYY("ryy", 2, 1, p -> Matrices.ryy(p[0])),
    RZZ("rzz", 2, 1, p -> Matrix.diagonalPhases(-p[0] / 2, p[0] / 2, p[0] / 2, -p[0] / 2)),
    CCX("ccx", 3, 0, p -> Matrix.controlled(Matrices.X, 2)),
    CSWAP("cswap", 3, 0, p -> Matrix.controlled(Matrices.SWAP, 1));

    private static final Map<String, StandardGate> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(StandardGate::qasmName, Function.identity()));

    private final String qasmName;
    private final int numQubits;
    private final int numParams;
    private final Function<double[], Matrix> matrixOf;

    StandardGate(String qasmName, int numQubits, int numParams, Function<double[], Matrix> matrixOf) {
        this.qasmName = qasmName;
        this.numQubits = numQubits;
        this.numParams = numParams;
        this.matrixOf = matrixOf;
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
        return matrixOf.apply(params);
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
