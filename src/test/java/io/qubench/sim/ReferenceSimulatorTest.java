package io.qubench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

class ReferenceSimulatorTest {

    private static final double EPS = 1e-12;
    private static final double R = Math.sqrt(0.5);
    private final ReferenceSimulator sim = new ReferenceSimulator();

    private double[] state(Circuit c) {
        return sim.run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
    }

    private static void assertAmplitudes(double[] actual, double... expectedInterleaved) {
        assertThat(actual).hasSize(expectedInterleaved.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("component %d", i).isCloseTo(expectedInterleaved[i], within(EPS));
        }
    }

    @Test
    void bellStateHasEqualAmplitudesOnZeroZeroAndOneOne() {
        assertAmplitudes(state(Circuit.builder().qubits(2).h(0).cx(0, 1).build()), R, 0, 0, 0, 0, 0, R, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 5, 8})
    void ghzStateIsAnEqualSuperpositionOfAllZerosAndAllOnes(int n) {
        CircuitBuilder b = Circuit.builder().qubits(n).h(0);
        for (int q = 1; q < n; q++) {
            b.cx(q - 1, q);
        }
        double[] sv = state(b.build());
        int last = (1 << n) - 1;
        for (int i = 0; i <= last; i++) {
            double expected = i == 0 || i == last ? R : 0;
            assertThat(sv[2 * i]).isCloseTo(expected, within(EPS));
            assertThat(sv[2 * i + 1]).isCloseTo(0, within(EPS));
        }
    }

    @Test
    void wStateSharesOneExcitationEquallyAmongThreeQubits() {
        // ry(θ) with cos(θ/2) = 1/√3 puts 1/3 on |1⟩ of q0, a controlled-H splits the rest, cx's move it.
        double theta = 2 * Math.acos(Math.sqrt(1.0 / 3));
        Circuit w = Circuit.builder().qubits(3)
                .gate(StandardGate.RY, new double[] {theta}, 0)
                .gate(StandardGate.CH, 0, 1)
                .cx(1, 2).cx(0, 1).x(0)
                .build();
        double a = Math.sqrt(1.0 / 3);
        double[] sv = state(w);
        for (int i = 0; i < 8; i++) {
            double expected = Integer.bitCount(i) == 1 ? a : 0;
            assertThat(Math.hypot(sv[2 * i], sv[2 * i + 1])).as("|%s⟩", Integer.toBinaryString(i)).isCloseTo(expected, within(EPS));
        }
    }

    /** Textbook QFT: H and controlled phases from the top qubit down, then reverse the order with swaps. */
    static Circuit qft(int n, int input) {
        CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 0; q < n; q++) {
            if (((input >> q) & 1) == 1) {
                b.x(q);
            }
        }
        for (int target = n - 1; target >= 0; target--) {
            b.h(target);
            for (int control = target - 1; control >= 0; control--) {
                b.gate(StandardGate.CP, new double[] {Math.PI / (1 << (target - control))}, control, target);
            }
        }
        for (int q = 0; q < n / 2; q++) {
            b.gate(StandardGate.SWAP, q, n - 1 - q);
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 11, 15})
    void qftOfABasisStateHasUniformMagnitudesAndLinearPhases(int x) {
        int n = 4;
        int dim = 1 << n;
        double[] sv = state(qft(n, x));
        for (int k = 0; k < dim; k++) {
            double angle = 2 * Math.PI * x * k / dim;
            assertThat(sv[2 * k]).isCloseTo(Math.cos(angle) / 4, within(EPS));
            assertThat(sv[2 * k + 1]).isCloseTo(Math.sin(angle) / 4, within(EPS));
        }
    }

    @Test
    void teleportationDeliversThePreparedStateToTheThirdQubit() {
        CircuitBuilder b = Circuit.builder().qubits(3);
        ClassicalRegister m0 = b.addClassicalRegister("m0", 1);
        ClassicalRegister m1 = b.addClassicalRegister("m1", 1);
        b.addClassicalRegister("out", 1);
        b.gate(StandardGate.RY, new double[] {1.2}, 0).h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
                .add(new GateOperation(StandardGate.X, List.of(), List.of(2), Condition.onRegister(m1, 1)))
                .add(new GateOperation(StandardGate.Z, List.of(), List.of(2), Condition.onRegister(m0, 1)))
                .measure(2, 2);
        int shots = 20_000;
        SimulationResult r = sim.run(b.build(), RunOptions.shots(shots, 3));
        long ones = r.counts().entrySet().stream().filter(e -> e.getKey().startsWith("1")).mapToLong(Map.Entry::getValue).sum();
        double expected = Math.pow(Math.sin(0.6), 2);
        double sigma = Math.sqrt(expected * (1 - expected) / shots);
        assertThat(ones / (double) shots).isCloseTo(expected, within(5 * sigma));
        assertThat(r.counts().keySet()).allMatch(k -> k.matches("[01] [01] [01]"));
        assertThat(r.counts()).hasSizeGreaterThan(4); // all four corrections happened
    }

    @Test
    void groverOnThreeQubitsFindsTheMarkedState() {
        CircuitBuilder b = Circuit.builder().qubits(3).clbits(3).h(0).h(1).h(2);
        for (int iteration = 0; iteration < 2; iteration++) {
            // oracle for |101⟩: CCZ with q1 flipped
            b.x(1).h(2).gate(StandardGate.CCX, 0, 1, 2).h(2).x(1);
            // diffuser
            b.h(0).h(1).h(2).x(0).x(1).x(2).h(2).gate(StandardGate.CCX, 0, 1, 2).h(2).x(0).x(1).x(2).h(0).h(1).h(2);
        }
        double[] sv = state(b.build());
        assertThat(sv[2 * 5] * sv[2 * 5] + sv[2 * 5 + 1] * sv[2 * 5 + 1]).isGreaterThan(0.94);
    }

    @Test
    void gateIdentitiesHold() {
        assertSameState(Circuit.builder().qubits(1).h(0).gate(StandardGate.Z, 0).h(0).build(), Circuit.builder().qubits(1).x(0).build());
        assertSameState(Circuit.builder().qubits(2).h(0).cx(0, 1).cx(0, 1).build(), Circuit.builder().qubits(2).h(0).build());
        assertSameState(Circuit.builder().qubits(1).h(0).gate(StandardGate.S, 0).gate(StandardGate.S, 0).build(),
                Circuit.builder().qubits(1).h(0).gate(StandardGate.Z, 0).build());
        assertSameState(Circuit.builder().qubits(1).h(0).gate(StandardGate.T, 0).gate(StandardGate.T, 0).build(),
                Circuit.builder().qubits(1).h(0).gate(StandardGate.S, 0).build());
        Circuit prep = Circuit.builder().qubits(2).gate(StandardGate.RY, new double[] {0.7}, 0).build();
        assertSameState(prep.withOperations(append(prep, Circuit.builder().qubits(2).cx(0, 1).cx(1, 0).cx(0, 1).build())),
                prep.withOperations(append(prep, Circuit.builder().qubits(2).gate(StandardGate.SWAP, 0, 1).build())));
    }

    private static List<io.qubench.circuit.Operation> append(Circuit a, Circuit b) {
        List<io.qubench.circuit.Operation> ops = new ArrayList<>(a.operations());
        ops.addAll(b.operations());
        return ops;
    }

    private void assertSameState(Circuit a, Circuit b) {
        assertAmplitudes(state(a), state(b));
    }

    @ParameterizedTest
    @EnumSource(StandardGate.class)
    void everyGateFollowedByItsInverseRestoresTheState(StandardGate gate) {
        int n = gate.numQubits();
        CircuitBuilder b = Circuit.builder().qubits(n);
        for (int q = 0; q < n; q++) {
            b.gate(StandardGate.RY, new double[] {0.3 + q}, q).gate(StandardGate.RZ, new double[] {0.5 * q + 0.1}, q);
        }
        Circuit prep = b.build();
        List<Expression> params = new ArrayList<>();
        for (int i = 0; i < gate.numParams(); i++) {
            params.add(Expression.of(0.4 + 0.7 * i));
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        b.gate(gate, params, all);
        for (StandardGate.Application inv : gate.inverse(params)) {
            b.gate(inv.gate(), inv.params(), inv.arguments().stream().mapToInt(Integer::intValue).toArray());
        }
        assertAmplitudes(state(b.build()), state(prep));
    }

    @Test
    void userDefinedGatesAreExpanded() {
        GateDefinition bell = new GateDefinition("bell", List.of("t"), List.of("a", "b"), List.of(
                new GateDefinition.Call(StandardGate.RY, List.of(Expression.parse("t")), List.of(0)),
                new GateDefinition.Call(StandardGate.CX, List.of(), List.of(0, 1))), false);
        Circuit c = Circuit.builder().qubits(2).gate(bell, List.of(Expression.parse("pi/2")), 0, 1).build();
        assertAmplitudes(state(c), R, 0, 0, 0, 0, 0, R, 0);
    }

    @Test
    void hadamardShotsAreBinomial() {
        int shots = 10_000;
        SimulationResult r = sim.run(Circuit.builder().qubits(1).clbits(1).h(0).measure(0, 0).build(), RunOptions.shots(shots, 11));
        assertThat(r.counts().get("0") + r.counts().get("1")).isEqualTo(shots);
        assertThat((double) r.counts().get("0")).isCloseTo(5000, within(4 * 50.0));
    }

    @Test
    void bellMeasuresOnlyZeroZeroAndOneOne() {
        SimulationResult r = sim.run(Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measureAll().build(), RunOptions.shots(1000, 1));
        assertThat(r.counts()).containsOnlyKeys("00", "11");
        assertThat(r.engine()).isEqualTo("reference");
        assertThat(r.implicitMeasurement()).isFalse();
    }

    @Test
    void sameSeedSameCountsOtherSeedOtherCounts() {
        Circuit c = Circuit.builder().qubits(3).clbits(3).h(0).h(1).h(2).measureAll().build();
        assertThat(sim.run(c, RunOptions.shots(500, 42)).counts()).isEqualTo(sim.run(c, RunOptions.shots(500, 42)).counts());
        assertThat(sim.run(c, RunOptions.shots(500, 42)).counts()).isNotEqualTo(sim.run(c, RunOptions.shots(500, 43)).counts());
    }

    @Test
    void countsKeysPutBitZeroRightAndTheLastRegisterLeft() {
        CircuitBuilder b = Circuit.builder().qubits(3);
        b.addClassicalRegister("a", 2);
        b.addClassicalRegister("b", 1);
        b.x(0).x(2).measure(0, 0).measure(1, 1).measure(2, 2);
        assertThat(sim.run(b.build(), RunOptions.shots(10, 1)).counts()).containsOnlyKeys("1 01");
    }

    @Test
    void aCircuitWithoutMeasurementSamplesAllQubits() {
        SimulationResult r = sim.run(Circuit.builder().qubits(3).x(1).build(), RunOptions.shots(10, 1));
        assertThat(r.implicitMeasurement()).isTrue();
        assertThat(r.counts()).containsOnlyKeys("010");
    }

    @Test
    void resetReturnsAQubitToZeroInEveryShot() {
        SimulationResult r = sim.run(Circuit.builder().qubits(1).clbits(2).h(0).barrier(0).measure(0, 0).reset(0).measure(0, 1).build(),
                RunOptions.shots(200, 5));
        assertThat(r.counts()).containsOnlyKeys("00", "01");
    }

    @Test
    void conditionsReadTheShotsOwnClassicalBits() {
        CircuitBuilder b = Circuit.builder().qubits(2);
        ClassicalRegister c = b.addClassicalRegister("c", 2);
        b.h(0).measure(0, 0)
                .add(new GateOperation(StandardGate.X, List.of(), List.of(1), Condition.onRegister(c, 1)))
                .measure(1, 1);
        assertThat(sim.run(b.build(), RunOptions.shots(300, 8)).counts()).containsOnlyKeys("00", "11");
    }

    @Test
    void midCircuitMeasurementCollapsesTheState() {
        SimulationResult r = sim.run(Circuit.builder().qubits(2).clbits(2).h(0).measure(0, 0).cx(0, 1).measure(1, 1).build(),
                RunOptions.shots(300, 2).withStatevector(true));
        assertThat(r.counts()).containsOnlyKeys("00", "11");
        double[] sv = r.statevector();
        double p0 = sv[0] * sv[0] + sv[1] * sv[1];
        double p3 = sv[6] * sv[6] + sv[7] * sv[7];
        assertThat(p0 + p3).isCloseTo(1, within(EPS));
        assertThat(Math.max(p0, p3)).isCloseTo(1, within(EPS));
    }

    @Test
    void aFortyQubitCircuitIsRefusedBeforeAllocating() {
        Circuit big = Circuit.builder().qubits(40).h(0).build();
        assertThatThrownBy(() -> sim.run(big, RunOptions.shots(1, 1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("40-qubit state vector needs")
                .hasMessageContaining("TiB")
                .hasMessageContaining("available");
    }

    @Test
    void memoryGuardNamesBothSizes() {
        assertThat(MemoryGuard.statevectorBytes(30)).isEqualTo(16L << 30);
        assertThat(MemoryGuard.statevectorBytes(80)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> MemoryGuard.requireFits(30, MemoryGuard.statevectorBytes(30), 8L << 30, "", 12L << 30))
                .hasMessage("A 30-qubit state vector needs 16.0 GiB but only 8.0 GiB of memory is available to Qubench");
        MemoryGuard.requireStatevectorFits(20, 1L << 30);
    }

    @Test
    void anUnboundParameterIsNamed() {
        Circuit c = Circuit.builder().qubits(1).gate(StandardGate.RX, List.of(Expression.parse("theta")), 0).build();
        assertThatThrownBy(() -> sim.run(c, RunOptions.shots(1, 1))).hasMessageContaining("'theta' has no value");
        SimulationResult bound = sim.run(c, RunOptions.shots(10, 1).withParameters(Map.of("theta", Math.PI)));
        assertThat(bound.counts()).containsOnlyKeys("1");
    }

    @Test
    void anOpaqueGateCannotBeSimulated() {
        Circuit c = Circuit.builder().qubits(1).gate(GateDefinition.opaque("magic", List.of(), List.of("a")), List.of(), 0).build();
        assertThatThrownBy(() -> sim.run(c, RunOptions.shots(1, 1))).hasMessageContaining("'magic' is opaque");
    }

    @Test
    void negativeShotsAreRefused() {
        assertThatThrownBy(() -> RunOptions.shots(-1, 1)).hasMessageContaining("0 or more");
    }

    @Test
    void anInterruptedRunIsCancelled() throws InterruptedException {
        CircuitBuilder b = Circuit.builder().qubits(12).clbits(1);
        for (int i = 0; i < 20_000; i++) {
            b.h(i % 12);
        }
        b.measure(0, 0).reset(0);
        Circuit slow = b.build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                sim.run(slow, RunOptions.shots(1000, 1));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join(10_000);
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
    }

    @Test
    void progressIsReportedUpToOne() {
        List<Double> seen = new ArrayList<>();
        sim.run(Circuit.builder().qubits(2).clbits(1).h(0).measure(0, 0).reset(0).build(),
                RunOptions.shots(500, 1).withProgress(seen::add));
        assertThat(seen).isNotEmpty().hasSizeLessThan(210);
        assertThat(seen.getLast()).isEqualTo(1.0);
        assertThat(seen).isSorted();
    }
}
