package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * What every engine must do with an ideal circuit, whatever it holds (a state vector, ρ,
 * trajectories, a tableau), checked against the reference engine's distributions: the qsim /
 * Hipparchus pattern, one contract and each engine supplies only its factory. Engines that hold
 * amplitudes also run {@link SimulatorContract}.
 */
public abstract class EngineContract {

    protected final ReferenceSimulator reference = new ReferenceSimulator();

    protected abstract Simulator simulator();

    /** A random circuit of the gates this engine runs (the stabilizer runs Clifford gates only). */
    protected Circuit randomCircuit(long seed, int qubits, int gates) {
        return ReferenceSimulatorProperties.randomCircuit(seed, qubits, gates);
    }

    /** Whether a 40-qubit circuit is too large for it (a tableau of 40 qubits is small). */
    protected boolean refusesFortyQubits() {
        return true;
    }

    /** Each outcome's count within five standard deviations of the reference's probability of it. */
    private static void assertCountsFollow(Map<String, Integer> counts, Map<String, Integer> referenceCounts, int shots) {
        for (String outcome : referenceCounts.keySet()) {
            double expected = referenceCounts.get(outcome);
            assertThat((double) counts.getOrDefault(outcome, 0)).as("outcome %s", outcome)
                    .isCloseTo(expected, within(5 * Math.sqrt(2 * expected + 1) + 1));
        }
        assertThat(referenceCounts.keySet()).as("outcomes the reference never gives")
                .containsAll(counts.keySet().stream().filter(k -> counts.get(k) > 3).toList());
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(shots);
    }

    @Test
    void ghzCountsAreAllZerosOrAllOnes() {
        CircuitBuilder b = Circuit.builder().qubits(12).clbits(12).h(0);
        for (int q = 1; q < 12; q++) {
            b.cx(q - 1, q);
        }
        SimulationResult r = simulator().run(b.measureAll().build(), RunOptions.shots(1000, 4));
        assertThat(r.counts()).containsOnlyKeys("000000000000", "111111111111");
        assertThat(r.engine()).isEqualTo(simulator().name());
    }

    @Test
    void countsFollowTheReferenceProbabilitiesAndRepeatForTheSameSeed() {
        Circuit c = randomCircuit(77, 6, 60);
        CircuitBuilder b = Circuit.builder().qubits(6).clbits(6);
        c.operations().forEach(b::add);
        Circuit measured = b.measureAll().build();
        int shots = 20_000;
        SimulationResult r = simulator().run(measured, RunOptions.shots(shots, 5));
        assertThat(simulator().run(measured, RunOptions.shots(shots, 5)).counts()).isEqualTo(r.counts());
        double[] sv = reference.run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        for (int i = 0; i < 64; i++) {
            double p = sv[2 * i] * sv[2 * i] + sv[2 * i + 1] * sv[2 * i + 1];
            double expected = p * shots;
            double count = r.counts().getOrDefault(Bitstrings.ofIndex(i, 6), 0);
            assertThat(count).as("outcome %d", i).isCloseTo(expected, within(5 * Math.sqrt(expected + 1) + 1));
        }
    }

    /** The measured qubit 0 decides whether qubit 4 flips (c[0] = c[2]), then is reset and measured in |+⟩. */
    protected static Circuit measuresResetsAndConditions() {
        CircuitBuilder b = Circuit.builder().qubits(5);
        ClassicalRegister c = b.addClassicalRegister("c", 3);
        b.h(0).cx(0, 3).measure(0, 0)
                .add(new GateOperation(StandardGate.X, java.util.List.of(), java.util.List.of(4), Condition.onRegister(c, 1)))
                .reset(0).h(0).measure(0, 1).measure(4, 2);
        return b.build();
    }

    @Test
    void midCircuitMeasurementResetAndConditionsFollowTheReferenceDistribution() {
        Circuit circuit = measuresResetsAndConditions();
        int shots = 4000;
        SimulationResult r = simulator().run(circuit, RunOptions.shots(shots, 9));
        assertThat(r.counts().keySet()).allMatch(k -> k.charAt(0) == k.charAt(2));
        assertCountsFollow(r.counts(), reference.run(circuit, RunOptions.shots(shots, 10)).counts(), shots);
    }

    @Test
    void aCircuitWithoutMeasurementSamplesAllQubits() {
        SimulationResult r = simulator().run(Circuit.builder().qubits(9).x(8).x(0).build(), RunOptions.shots(10, 1));
        assertThat(r.implicitMeasurement()).isTrue();
        assertThat(r.counts()).containsOnlyKeys("100000001");
    }

    @Test
    void fortyQubitsAreRefusedBeforeAllocating() {
        assumeTrue(refusesFortyQubits());
        assertThatThrownBy(() -> simulator().run(Circuit.builder().qubits(40).h(0).build(), RunOptions.shots(1, 1)))
                .isInstanceOf(SimulationException.class).hasMessageContaining("40-qubit");
    }
}
