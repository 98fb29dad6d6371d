package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmBenchCorpus;
import io.qubench.qasm.QasmReader;

/** Every QASMBench circuit of up to 20 qubits runs through the reference simulator. */
class QasmBenchSimulationTest {

    private static final int MAX_QUBITS = 20;
    private static final int SHOTS = 8;

    static List<String> circuits() {
        return QasmBenchCorpus.validFiles();
    }

    private static SimulationResult simulate(String relative) {
        Circuit c = QasmReader.read(QasmBenchCorpus.path(relative));
        return new ReferenceSimulator().run(c, RunOptions.shots(200, 17));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("circuits")
    void everySmallCorpusCircuitSimulates(String file) {
        Circuit circuit = QasmReader.read(QasmBenchCorpus.path(file));
        if (circuit.numQubits() > MAX_QUBITS) {
            return;
        }
        SimulationResult result = new ReferenceSimulator().run(circuit, RunOptions.shots(SHOTS, 1).withStatevector(true));
        assertThat(result.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SHOTS);
        double norm = 0;
        for (double v : result.statevector()) {
            norm += v * v;
        }
        assertThat(norm).as("norm of the final state").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void bernsteinVaziraniRevealsItsHiddenString() {
        assertThat(simulate("medium/bv_n14/bv_n14.qasm").counts()).containsOnlyKeys("1111111111111");
    }

    @Test
    void catStateMeasuresAllZerosOrAllOnes() {
        assertThat(simulate("small/cat_state_n4/cat_state_n4.qasm").counts()).containsOnlyKeys("0000", "1111");
    }

    @Test
    void toffoliOnOnesFlipsTheTarget() {
        assertThat(simulate("small/toffoli_n3/toffoli_n3.qasm").counts()).containsOnlyKeys("111");
    }
}
