package io.qubench.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {

    @Test
    void plusAddsEntryByEntryAndLeavesBothOperandsAsTheyWere() {
        Matrix x = StandardGate.X.matrix();
        Matrix z = StandardGate.Z.matrix();

        Matrix sum = x.plus(z);

        assertThat(sum).isEqualTo(Matrix.of(2, 1, 0, 1, 0, 1, 0, -1, 0));
        assertThat(x).isEqualTo(StandardGate.X.matrix());
        assertThat(z).isEqualTo(StandardGate.Z.matrix());
    }

    @Test
    void plusRefusesMatricesOfAnotherDimensionNamingBoth() {
        assertThatThrownBy(() -> Matrix.identity(2).plus(Matrix.identity(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4×4").hasMessageContaining("2×2");
    }

    @Test
    void aMatrixIsDiagonalWhenEveryEntryOffTheDiagonalIsZero() {
        assertThat(StandardGate.RZ.matrix(0.3).isDiagonal()).isTrue();
        assertThat(StandardGate.CZ.matrix().isDiagonal()).isTrue();
        assertThat(StandardGate.H.matrix().isDiagonal()).isFalse();
        assertThat(Matrix.of(2, 1, 0, 0, 1e-300, 0, 0, 1, 0).isDiagonal()).isFalse();
    }
}
