package io.qubench.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandardGateTest {

    private static final double[] SAMPLE_ANGLES = {0.3, -1.1, 2.7, 0.05};

    private static double[] sampleParams(StandardGate g) {
        double[] p = new double[g.numParams()];
        System.arraycopy(SAMPLE_ANGLES, 0, p, 0, p.length);
        return p;
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void everyStandardGateIsUnitaryOfTheRightSize(StandardGate g) {
        Matrix m = g.matrix(sampleParams(g));
        assertThat(m.dimension()).isEqualTo(1 << g.numQubits());
        assertThat(m.isUnitary()).as(g + "\n" + m).isTrue();
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void inverseUndoesEveryStandardGate(StandardGate g) {
        double[] p = sampleParams(g);
        List<Expression> params = java.util.Arrays.stream(p).mapToObj(Expression::of).toList();
        int n = g.numQubits();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        Matrix product = g.matrix(p).embed(n, all);
        for (StandardGate.Application a : g.inverse(params)) {
            double[] v = a.params().stream().mapToDouble(Expression::evaluate).toArray();
            int[] targets = a.arguments().stream().mapToInt(Integer::intValue).toArray();
            product = a.gate().matrix(v).embed(n, targets).multiply(product);
        }
        assertThat(product.approximatelyEquals(Matrix.identity(1 << n), 1e-12)).as(g.toString()).isTrue();
    }

    @Test
    void hadamardZHadamardIsX() {
        Matrix h = StandardGate.H.matrix();
        assertThat(h.multiply(StandardGate.Z.matrix()).multiply(h).approximatelyEquals(StandardGate.X.matrix(), 1e-12)).isTrue();
    }

    @Test
    void cxHasControlOnTheFirstArgumentAsLeastSignificantBit() {
        Matrix cx = StandardGate.CX.matrix();
        // |q1 q0> = |01> (index 1, control set) goes to |11> (index 3)
        assertThat(cx.re(3, 1)).isEqualTo(1.0);
        assertThat(cx.re(2, 2)).isEqualTo(1.0);
    }

    @Test
    void u2IsU3WithThetaHalfPi() {
        assertThat(StandardGate.U2.matrix(0.4, 0.9).approximatelyEquals(StandardGate.U3.matrix(Math.PI / 2, 0.4, 0.9), 1e-12)).isTrue();
    }

    @Test
    void sxSquaredIsX() {
        Matrix sx = StandardGate.SX.matrix();
        assertThat(sx.multiply(sx).approximatelyEquals(StandardGate.X.matrix(), 1e-12)).isTrue();
    }

    @Test
    void rzzIsCxRzCx() {
        double t = 0.77;
        Matrix cx = StandardGate.CX.matrix();
        Matrix rz = StandardGate.RZ.matrix(t).embed(2, 1);
        assertThat(cx.multiply(rz).multiply(cx).approximatelyEquals(StandardGate.RZZ.matrix(t), 1e-12)).isTrue();
    }

    @Test
    void ecrIsHermitianAndSelfInverse() {
        Matrix ecr = StandardGate.ECR.matrix();
        assertThat(ecr.adjoint().approximatelyEquals(ecr, 1e-15)).isTrue();
    }

    @Test
    void cuWithZeroGlobalPhaseIsCu3() {
        assertThat(StandardGate.CU.matrix(0.1, 0.2, 0.3, 0).approximatelyEquals(StandardGate.CU3.matrix(0.1, 0.2, 0.3), 1e-12)).isTrue();
    }

    @Test
    void byNameFindsLowerCaseQasmNames() {
        assertThat(StandardGate.byName("cswap")).contains(StandardGate.CSWAP);
        assertThat(StandardGate.byName("CX")).isEmpty();
    }
}
