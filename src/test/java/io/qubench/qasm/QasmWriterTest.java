package io.qubench.qasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;

class QasmWriterTest {

    /** Every standard gate with awkward numbers, conditions, reset, barrier, a user gate and an opaque one. */
    static Circuit everything(boolean singleBitCondition) {
        CircuitBuilder b = Circuit.builder();
        b.addQuantumRegister("q", 3);
        b.addQuantumRegister("anc", 1);
        ClassicalRegister c = b.addClassicalRegister("c", 2);
        b.addClassicalRegister("flag", 1);
        GateDefinition user = new GateDefinition("entangle", List.of("t"), List.of("a", "b"), List.of(
                new GateDefinition.Call(StandardGate.RY, List.of(Expression.parse("t/2")), List.of(0)),
                new GateDefinition.Call(StandardGate.ISWAP, List.of(), List.of(0, 1))), false);
        GateDefinition opaque = GateDefinition.opaque("blackbox", List.of("x"), List.of("a"));
        b.define(opaque);
        double[] numbers = {0.1, -1e-7, 123456.789, Math.PI / 3, -2.5};
        for (StandardGate g : StandardGate.values()) {
            List<Expression> params = new ArrayList<>();
            for (int p = 0; p < g.numParams(); p++) {
                params.add(Expression.of(numbers[p]));
            }
            int[] qubits = java.util.stream.IntStream.range(0, g.numQubits()).map(i -> (i + 1) % 4).toArray();
            b.gate(g, params, qubits);
        }
        b.gate(StandardGate.RZ, List.of(Expression.parse("-pi/4 + 2*pi^2")), 2);
        b.gate(user, List.of(Expression.parse("pi/3")), 3, 0);
        b.measure(0, 0).reset(1).barrier(0, 1, 2, 3)
                .add(new GateOperation(StandardGate.X, List.of(), List.of(2), Condition.onRegister(c, 2)));
        if (singleBitCondition) {
            b.add(new GateOperation(StandardGate.Z, List.of(), List.of(1), new Condition(c, 1, 1)));
        }
        b.measure(3, 2);
        return b.build();
    }

    @Test
    void everythingRoundTripsThroughOpenQasm2() {
        Circuit c = everything(false);
        assertThat(QasmReader.parse(QasmWriter.toQasm2(c), "v2")).isEqualTo(c);
    }

    @Test
    void everythingRoundTripsThroughOpenQasm3() {
        Circuit c = everything(true);
        String text = QasmWriter.toQasm3(c);
        assertThat(text).startsWith("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n").contains("c[0] = measure q[0];");
        assertThat(QasmReader.parse(text, "v3")).isEqualTo(c);
    }

    @ParameterizedTest
    @EnumSource(value = StandardGate.class, names = {"ISWAP", "ECR", "RYY", "RXX", "RZZ", "SXDG", "CU1", "CU3"})
    void definitionsWrittenForMissingGatesHaveTheirMatrices(StandardGate g) {
        CircuitBuilder b = Circuit.builder().qubits(2);
        List<Expression> params = new ArrayList<>();
        for (int p = 0; p < g.numParams(); p++) {
            params.add(Expression.of(0.3 + p));
        }
        b.gate(g, params, java.util.stream.IntStream.range(0, g.numQubits()).toArray());
        Circuit c = b.build();
        for (String text : List.of(QasmWriter.toQasm2(c), QasmWriter.toQasm3(c))) {
            Circuit back = QasmReader.parse(text, "t");
            assertThat(((GateOperation) back.operations().getFirst()).gate()).as(text).isEqualTo(g);
        }
    }

    @Test
    void freeParametersBecomeInputsInOpenQasm3AndAreRefusedInOpenQasm2() {
        Circuit c = Circuit.builder().qubits(1).gate(StandardGate.RX, List.of(Expression.parse("2*theta")), 0).build();
        assertThat(QasmWriter.toQasm3(c)).contains("input float[64] theta;").contains("rx(2*theta) q[0];");
        assertThat(QasmReader.parse(QasmWriter.toQasm3(c), "p")).isEqualTo(c);
        assertThatThrownBy(() -> QasmWriter.toQasm2(c)).isInstanceOf(UserInputException.class).hasMessageContaining("theta");
    }

    @Test
    void aSingleBitConditionCannotBeOpenQasm2() {
        assertThatThrownBy(() -> QasmWriter.toQasm2(everything(true))).hasMessageContaining("single bit");
    }

    @Test
    void qelib1GatesAreNotRedefined() {
        Circuit c = QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\nc3x q[0],q[1],q[2],q[3];\n", "x");
        String v2 = QasmWriter.toQasm2(c);
        assertThat(v2).doesNotContain("gate c3x");
        assertThat(QasmReader.parse(v2, "x")).isEqualTo(c);
        assertThat(QasmReader.parse(QasmWriter.toQasm3(c), "x")).isEqualTo(c);
    }
}
