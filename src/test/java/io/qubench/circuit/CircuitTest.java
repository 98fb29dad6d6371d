package io.qubench.circuit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Operation.GateOperation;

class CircuitTest {

    private static GateDefinition bellPair() {
        return new GateDefinition("bell", List.of(), List.of("a", "b"), List.of(
                new GateDefinition.Call(StandardGate.H, List.of(), List.of(0)),
                new GateDefinition.Call(StandardGate.CX, List.of(), List.of(0, 1))), false);
    }

    @Test
    void registersAreLaidOutOneAfterAnother() {
        CircuitBuilder b = Circuit.builder();
        QuantumRegister a = b.addQuantumRegister("a", 2);
        QuantumRegister r = b.addQuantumRegister("r", 3);
        b.addClassicalRegister("c", 1);
        Circuit c = b.build();
        assertThat(c.numQubits()).isEqualTo(5);
        assertThat(r.qubit(0)).isEqualTo(2);
        assertThat(c.qubitLabel(4)).isEqualTo("r[2]");
        assertThat(c.qubitLabel(a.qubit(1))).isEqualTo("a[1]");
        assertThat(c.clbitLabel(0)).isEqualTo("c[0]");
    }

    @Test
    void depthCountsTheLongestPathAndIgnoresBarriers() {
        Circuit c = Circuit.builder().qubits(3).clbits(3)
                .h(0).h(1).h(2)          // layer 1
                .cx(0, 1)                // layer 2
                .barrier(0, 1, 2)
                .cx(1, 2)                // layer 3
                .measure(2, 2)           // layer 4
                .build();
        assertThat(c.depth()).isEqualTo(4);
        assertThat(c.gateCount()).isEqualTo(5);
        assertThat(c.size()).isEqualTo(6);
    }

    @Test
    void aConditionTiesAnOperationToTheBitsItReads() {
        CircuitBuilder b = Circuit.builder().qubits(2);
        ClassicalRegister c = b.addClassicalRegister("c", 1);
        b.measure(0, 0).add(new GateOperation(StandardGate.X, List.of(), List.of(1), Condition.onRegister(c, 1)));
        assertThat(b.build().depth()).isEqualTo(2);
    }

    @Test
    void inliningReplacesUserGatesByTheirBodyRecursively() {
        GateDefinition twice = new GateDefinition("twice", List.of(), List.of("x", "y"), List.of(
                new GateDefinition.Call(bellPair(), List.of(), List.of(1, 0))), false);
        Circuit c = Circuit.builder().qubits(2).gate(twice, List.of(), 0, 1).build();
        assertThat(c.definitions()).extracting(GateDefinition::name).containsExactly("bell", "twice");
        Circuit flat = c.inlined();
        assertThat(flat.definitions()).isEmpty();
        assertThat(flat.operations()).containsExactly(
                new GateOperation(StandardGate.H, List.of(), List.of(1)),
                new GateOperation(StandardGate.CX, List.of(), List.of(1, 0)));
    }

    @Test
    void inliningSubstitutesParameters() {
        GateDefinition rot = new GateDefinition("rot", List.of("t"), List.of("a"), List.of(
                new GateDefinition.Call(StandardGate.RZ, List.of(Expression.parse("2*t")), List.of(0))), false);
        Circuit c = Circuit.builder().qubits(1).gate(rot, List.of(Expression.parse("pi/4")), 0).build().inlined();
        GateOperation op = (GateOperation) c.operations().getFirst();
        assertThat(op.paramValues(Map.of())[0]).isCloseTo(Math.PI / 2, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void aUserGateMatrixIsTheProductOfItsBody() {
        Matrix expected = StandardGate.CX.matrix().multiply(StandardGate.H.matrix().embed(2, 0));
        assertThat(bellPair().matrix().approximatelyEquals(expected, 1e-12)).isTrue();
    }

    @Test
    void freeParametersAreListedAndCanBeBound() {
        Circuit c = Circuit.builder().qubits(1)
                .gate(StandardGate.RX, List.of(Expression.parse("theta/2")), 0)
                .gate(StandardGate.RZ, List.of(Expression.parse("phi")), 0).build();
        assertThat(c.parameters()).containsExactly("theta", "phi");
        Circuit bound = c.bind(Map.of("theta", 1.0, "phi", 2.0));
        assertThat(bound.parameters()).isEmpty();
        assertThat(((GateOperation) bound.operations().getFirst()).paramValues(Map.of())[0]).isEqualTo(0.5);
    }

    @Test
    void structuralErrorsNameTheProblem() {
        assertThatThrownBy(() -> Circuit.builder().qubits(2).cx(0, 0).build())
                .isInstanceOf(CircuitException.class).hasMessageContaining("same qubit twice");
        assertThatThrownBy(() -> Circuit.builder().qubits(2).h(2).build())
                .hasMessageContaining("uses qubit 2 but the circuit has 2");
        assertThatThrownBy(() -> Circuit.builder().qubits(1).clbits(1).measure(0, 3).build())
                .hasMessageContaining("classical bit 3");
        assertThatThrownBy(() -> Circuit.builder().gate(StandardGate.RX, 0))
                .hasMessageContaining("rx' takes 1 parameter(s), got 0");
        assertThatThrownBy(() -> Circuit.builder().qubits(2).qubits(1).build())
                .hasMessageContaining("register 'q' is declared twice");
        assertThatThrownBy(() -> Circuit.builder().addQuantumRegister("9q", 1)).hasMessageContaining("not a valid identifier");
        assertThatThrownBy(() -> Circuit.builder().addQuantumRegister("q", 0)).hasMessageContaining("at least one qubit");
    }

    @Test
    void conditionValuesMustFitTheirRegister() {
        ClassicalRegister c = new ClassicalRegister("c", 2, 0);
        assertThatThrownBy(() -> Condition.onRegister(c, 4)).hasMessageContaining("does not fit in register c[2]");
        assertThat(Condition.onRegister(c, 2).holds(new boolean[] {false, true})).isTrue();
        assertThat(new Condition(c, 1, 1).toQasm()).isEqualTo("c[1]==1");
    }

    @Test
    void anOpaqueGateHasNoMatrix() {
        GateDefinition magic = GateDefinition.opaque("magic", List.of(), List.of("a"));
        assertThatThrownBy(magic::matrix).hasMessageContaining("'magic' is opaque");
    }

    @Test
    void equalCircuitsAreEqual() {
        assertThat(Circuit.builder().qubits(2).h(0).cx(0, 1).build())
                .isEqualTo(Circuit.builder().qubits(2).h(0).cx(0, 1).build())
                .isNotEqualTo(Circuit.builder().qubits(2).h(1).cx(0, 1).build());
    }
}
