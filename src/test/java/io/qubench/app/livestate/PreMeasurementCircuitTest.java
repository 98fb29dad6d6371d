package io.qubench.app.livestate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.qasm.QasmReader;

class PreMeasurementCircuitTest {

    private static Circuit qasm(String body) {
        return QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body, "test.qasm");
    }

    @Test
    void measurementsAreLeftOutAndGatesOnOtherQubitsKept() {
        PreMeasurementCircuit p = PreMeasurementCircuit.of(qasm("qreg q[2]; creg c[2]; h q[0]; measure q[0] -> c[0]; x q[1];"));
        assertThat(p.gates().operations()).hasSize(2).allMatch(op -> op instanceof Operation.GateOperation);
        assertThat(p.cut()).isFalse();
        assertThat(p.note()).isEqualTo("Ideal state before the 1 measurement");
    }

    @Test
    void aResetCutsTheCircuitAndIsNamed() {
        PreMeasurementCircuit p = PreMeasurementCircuit.of(qasm("qreg q[2]; h q[0]; reset q[1]; x q[0];"));
        assertThat(p.gates().operations()).hasSize(1);
        assertThat(p.cut()).isTrue();
        assertThat(p.note()).isEqualTo("State before operation 2 of 3 (reset of q[1]): what follows depends on measurement outcomes");
    }

    @Test
    void aGateOnAMeasuredQubitOrAConditionCutsTheCircuit() {
        PreMeasurementCircuit afterMeasure = PreMeasurementCircuit.of(
                qasm("qreg q[1]; creg c[1]; h q[0]; measure q[0] -> c[0]; h q[0];"));
        assertThat(afterMeasure.note()).contains("a gate on q[0] after its measurement");
        assertThat(afterMeasure.gates().operations()).hasSize(1);
        PreMeasurementCircuit conditioned = PreMeasurementCircuit.of(
                qasm("qreg q[2]; creg c[1]; h q[0]; measure q[0] -> c[0]; if (c==1) x q[1];"));
        assertThat(conditioned.note()).contains("classically conditioned");
    }

    @Test
    void userGatesAreExpandedBeforeCutting() {
        PreMeasurementCircuit p = PreMeasurementCircuit.of(qasm("gate bell a, b { h a; cx a, b; }\nqreg q[2]; bell q[0], q[1];"));
        assertThat(p.gates().operations()).hasSize(2);
        assertThat(p.note()).isEqualTo("Ideal final state");
    }
}
