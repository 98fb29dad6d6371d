package io.qubench.app.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;

class CircuitLayoutTest {

    private static CircuitLayout layout(String body) {
        return CircuitLayout.of(QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body, "test"));
    }

    @Test
    void gatesOnDifferentWiresShareAColumnAndGatesOnOneWireFollowEachOther() {
        CircuitLayout l = layout("qreg q[3];\nh q[0];\nx q[1];\nh q[0];\nz q[2];\n");
        assertThat(l.columnOf(0)).isZero();
        assertThat(l.columnOf(1)).isZero();
        assertThat(l.columnOf(2)).isEqualTo(1);
        assertThat(l.columnOf(3)).isZero();
        assertThat(l.columns()).isEqualTo(2);
        assertThat(l.operationsIn(0)).containsExactly(0, 1, 3);
    }

    @Test
    void aGateSpanningWiresBlocksTheWiresItsLineCrosses() {
        CircuitLayout l = layout("qreg q[3];\ncx q[0], q[2];\nx q[1];\n");
        assertThat(l.topOf(0)).isZero();
        assertThat(l.bottomOf(0)).isEqualTo(2);
        assertThat(l.columnOf(1)).isEqualTo(1);
        assertThat(l.operationAt(0, 1)).isZero();
        assertThat(l.operationAt(1, 1)).isEqualTo(1);
        assertThat(l.operationAt(1, 0)).isEqualTo(-1);
    }

    @Test
    void measurementsReachTheirClassicalRegistersRowAndConditionsTheirRegister() {
        CircuitLayout l = layout("qreg q[2];\ncreg a[1];\ncreg b[2];\nmeasure q[0] -> b[1];\nif (a==1) x q[1];\nh q[1];\n");
        assertThat(l.rows()).isEqualTo(4);
        assertThat(l.rowOfClbit(0)).isEqualTo(2);
        assertThat(l.rowOfClbit(2)).isEqualTo(3);
        assertThat(l.bottomOf(0)).isEqualTo(3);
        assertThat(l.columnOf(1)).isEqualTo(1);
        assertThat(l.topOf(1)).isEqualTo(1);
        assertThat(l.bottomOf(1)).isEqualTo(2);
        assertThat(l.columnOf(2)).isEqualTo(2);
    }

    @Test
    void insertionGoesAfterTheLastOperationBeforeTheColumnOnTheCoveredWires() {
        CircuitLayout l = layout("qreg q[2];\nh q[0];\nh q[0];\nx q[1];\n");
        assertThat(l.insertionIndex(1, 0, 0)).isEqualTo(1);
        assertThat(l.insertionIndex(0, 0, 1)).isZero();
        assertThat(l.insertionIndex(9, 1, 1)).isEqualTo(3);
        assertThat(l.insertionIndex(1, 0, 1)).isEqualTo(3);
    }

    @Test
    void aRubberBandFindsTheOperationsItTouches() {
        CircuitLayout l = layout("qreg q[3];\nh q[0];\ncx q[0], q[2];\nx q[1];\n");
        assertThat(l.operationsWithin(1, 1, 1, 1)).containsExactly(1);
        assertThat(l.operationsWithin(0, 2, 1, 2)).containsExactly(1, 2);
    }

    @Test
    void thirtyQubitsAndFiveHundredGatesLayOutInOnePass() {
        StringBuilder qasm = new StringBuilder("qreg q[30];\n");
        for (int i = 0; i < 500; i++) {
            qasm.append(i % 3 == 0 ? "cx q[" + (i % 30) + "], q[" + ((i + 7) % 30) + "];\n" : "h q[" + (i % 30) + "];\n");
        }
        CircuitLayout l = layout(qasm.toString());
        assertThat(l.operations()).isEqualTo(500);
        int total = 0;
        for (int c = 0; c < l.columns(); c++) {
            total += l.operationsIn(c).length;
        }
        assertThat(total).isEqualTo(500);
    }

    @Test
    void anEmptyCircuitHasRowsButNoColumns() {
        CircuitLayout l = CircuitLayout.of(Circuit.builder().qubits(2).build());
        assertThat(l.rows()).isEqualTo(2);
        assertThat(l.columns()).isZero();
        assertThat(l.operationsIn(0)).isEmpty();
    }
}
