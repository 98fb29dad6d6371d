package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * What every state-vector engine must do beyond the {@link EngineContract}: give the reference
 * engine's amplitudes, and its very counts for the same seed.
 */
public abstract class SimulatorContract extends EngineContract {

    /** How close each amplitude must come to the reference's: a single-precision engine loosens it. */
    protected double tolerance() {
        return 1e-10;
    }

    private double[] state(Simulator s, Circuit c) {
        return s.run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
    }

    private void assertSameStateAsReference(Circuit c) {
        double[] expected = state(reference, c);
        double[] actual = state(simulator(), c);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("component %d of %s", i, c).isCloseTo(expected[i], within(tolerance()));
        }
    }

    @ParameterizedTest(name = "{0} qubits, {1} gates, seed {2}")
    @CsvSource(textBlock = """
            1, 30, 1
            2, 40, 2
            3, 60, 3
            5, 80, 4
            6, 120, 5
            8, 150, 6
            10, 200, 7
            11, 300, 8
            12, 200, 9
            """)
    void randomCircuitsGiveTheReferenceState(int qubits, int gates, long seed) {
        assertSameStateAsReference(ReferenceSimulatorProperties.randomCircuit(seed, qubits, gates));
    }

    @Test
    void everyStandardGateOnEveryPlacementMatchesTheReference() {
        int n = 7;
        for (StandardGate g : StandardGate.values()) {
            for (int shift = 0; shift < n; shift += 2) {
                CircuitBuilder b = Circuit.builder().qubits(n);
                for (int q = 0; q < n; q++) {
                    b.gate(StandardGate.RY, new double[] {0.2 + 0.3 * q}, q).gate(StandardGate.RZ, new double[] {0.1 * q - 0.4}, q);
                }
                int[] targets = new int[g.numQubits()];
                for (int j = 0; j < targets.length; j++) {
                    targets[j] = (shift + 3 * j + (j == 1 ? n - 1 : 0)) % n;
                }
                if (java.util.Arrays.stream(targets).distinct().count() != targets.length) {
                    continue;
                }
                double[] params = new double[g.numParams()];
                for (int p = 0; p < params.length; p++) {
                    params[p] = 0.7 - 0.45 * p;
                }
                assertSameStateAsReference(b.gate(g, params, targets).build());
            }
        }
    }

    @Test
    void qftOfARandomStateMatchesTheReference() {
        int n = 12;
        Circuit prep = ReferenceSimulatorProperties.randomCircuit(5, n, 40);
        List<io.qubench.circuit.Operation> ops = new java.util.ArrayList<>(prep.operations());
        BenchmarkCircuits.qft(n).operations().stream().filter(o -> o instanceof GateOperation).forEach(ops::add);
        assertSameStateAsReference(prep.withOperations(ops));
    }

    /** A state-vector engine draws its shots as the reference does: the same seed, the same counts. */
    @Test
    void midCircuitMeasurementResetAndConditionsGiveTheReferenceCountsExactly() {
        Circuit circuit = measuresResetsAndConditions();
        SimulationResult r = simulator().run(circuit, RunOptions.shots(3000, 9));
        assertThat(r.counts()).isEqualTo(reference.run(circuit, RunOptions.shots(3000, 9)).counts());
        assertThat(r.counts().keySet()).allMatch(k -> k.charAt(0) == k.charAt(2));
    }
}
