package io.qubench.transpile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import io.qubench.qasm.QasmBenchCorpus;
import io.qubench.qasm.QasmReader;
import io.qubench.sim.ReferenceSimulator;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;

/**
 * Every QASMBench circuit that fits hanoi (27 qubits) transpiles to it, using only native gates
 * on usable couplers; for those small enough to simulate whose measurements all come last, the
 * ideal output distribution over the classical bits is the original's.
 */
class QasmBenchTranspileTest {

    private static final int MAX_SIMULATED_QUBITS = 16;

    private static Device hanoi;

    @BeforeAll
    static void load() {
        hanoi = ShippedDevices.load("hanoi");
    }

    static List<String> circuits() {
        return QasmBenchCorpus.validFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("circuits")
    void everyCorpusCircuitThatFitsTranspilesToHanoi(String file) {
        Circuit circuit = QasmReader.read(QasmBenchCorpus.path(file));
        if (circuit.numQubits() > hanoi.qubits()) {
            return;
        }
        TranspileResult r = new Transpiler(hanoi).transpile(circuit, TranspileOptions.defaults());
        TranspilerTest.assertRunsAsIs(r.isa(), hanoi);
        assertThat(count(r.isa(), Measurement.class)).isEqualTo(count(circuit.inlined(), Measurement.class));
        ActiveQubits active = ActiveQubits.of(r);
        if (active.deviceQubits().size() <= MAX_SIMULATED_QUBITS && ShotRunner.terminalMeasurementsOnly(circuit)
                && count(circuit, Measurement.class) > 0) {
            Map<String, Double> expected = distribution(circuit, circuit, v -> v);
            // A measured qubit may be swapped on afterwards (the state has collapsed); reading its
            // circuit qubit's final place at the end is the same measurement.
            Map<String, Double> actual = distribution(active.circuit(), circuit,
                    v -> active.deviceQubits().indexOf(r.finalLayout().physical(v)));
            assertThat(actual.keySet()).as(file).isEqualTo(expected.keySet());
            expected.forEach((k, p) -> assertThat(actual.get(k)).as(file + " " + k).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-7)));
        }
    }

    private static long count(Circuit c, Class<?> kind) {
        return c.operations().stream().filter(kind::isInstance).count();
    }

    /**
     * Exact probabilities of the classical bit strings (bit c of the key from the right is clbit
     * c) above 1e-9, measurements deferred to the end: clbit c reads qubit {@code readFrom} of the
     * original circuit qubit measured into it.
     */
    private static Map<String, Double> distribution(Circuit circuit, Circuit original, java.util.function.IntUnaryOperator readFrom) {
        List<Operation> gates = circuit.inlined().operations().stream().filter(op -> !(op instanceof Measurement)).toList();
        double[] sv = new ReferenceSimulator().run(circuit.withOperations(gates), RunOptions.shots(0, 1).withStatevector(true))
                .statevector();
        int[] sourceQubit = new int[circuit.numClbits()];
        java.util.Arrays.fill(sourceQubit, -1);
        for (Operation op : original.inlined().operations()) {
            if (op instanceof Measurement m) {
                sourceQubit[m.clbit()] = readFrom.applyAsInt(m.qubit());
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (int i = 0; i < sv.length / 2; i++) {
            double p = sv[2 * i] * sv[2 * i] + sv[2 * i + 1] * sv[2 * i + 1];
            if (p < 1e-12) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int c = circuit.numClbits() - 1; c >= 0; c--) {
                key.append(sourceQubit[c] >= 0 && ((i >> sourceQubit[c]) & 1) != 0 ? '1' : '0');
            }
            out.merge(key.toString(), p, Double::sum);
        }
        out.values().removeIf(p -> p < 1e-9);
        return out;
    }
}
