package io.qubench.sim.stabilizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.BenchmarkCircuits;
import io.qubench.sim.Engine;
import io.qubench.sim.PauliString;
import io.qubench.sim.ReferenceSimulator;
import io.qubench.sim.ResultWithExpectations;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;

class StabilizerSimulatorTest {

    /** On Clifford circuits; a 40-qubit tableau is small, so nothing is refused for its size. */
    @org.junit.jupiter.api.Nested
    class Contract extends io.qubench.sim.EngineContract {
        @Override
        protected io.qubench.sim.Simulator simulator() {
            return new StabilizerSimulator();
        }

        @Override
        protected Circuit randomCircuit(long seed, int qubits, int gates) {
            return randomClifford(seed, qubits, gates).build();
        }

        @Override
        protected boolean refusesFortyQubits() {
            return false;
        }
    }


    private static final List<StandardGate> CLIFFORD = List.of(StandardGate.ID, StandardGate.X, StandardGate.Y,
            StandardGate.Z, StandardGate.H, StandardGate.S, StandardGate.SDG, StandardGate.SX, StandardGate.SXDG,
            StandardGate.CX, StandardGate.CY, StandardGate.CZ, StandardGate.SWAP, StandardGate.ISWAP, StandardGate.ECR,
            StandardGate.RZ, StandardGate.RX, StandardGate.RY, StandardGate.P);

    private final StabilizerSimulator stabilizer = new StabilizerSimulator();
    private final ReferenceSimulator reference = new ReferenceSimulator();

    /** Random Clifford gates, rotations by multiples of π/2 included. */
    static CircuitBuilder randomClifford(long seed, int qubits, int gates) {
        Random random = new Random(seed);
        CircuitBuilder b = Circuit.builder().qubits(qubits);
        for (int i = 0; i < gates; i++) {
            StandardGate g = CLIFFORD.get(random.nextInt(CLIFFORD.size()));
            if (g.numQubits() > qubits) {
                continue;
            }
            List<Integer> pool = new ArrayList<>(java.util.stream.IntStream.range(0, qubits).boxed().toList());
            Collections.shuffle(pool, random);
            int[] targets = pool.subList(0, g.numQubits()).stream().mapToInt(Integer::intValue).toArray();
            List<Expression> params = g.numParams() == 0 ? List.of()
                    : List.of(Expression.of((random.nextInt(9) - 4) * Math.PI / 2));
            b.gate(g, params, targets);
        }
        return b;
    }

    private static Matrix column(double[] sv) {
        int d = sv.length / 2;
        double[] m = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            m[2 * i * d] = sv[2 * i];
            m[2 * i * d + 1] = sv[2 * i + 1];
        }
        return Matrix.of(d, m);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void statesEqualTheReferenceUpToGlobalPhase(long seed) {
        int qubits = 1 + (int) (seed % 7);
        Circuit c = randomClifford(seed, qubits, 40).build();
        RunOptions options = RunOptions.shots(0, 1).withStatevector(true);
        double[] expected = reference.run(c, options).statevector();
        double[] actual = stabilizer.run(c, options).statevector();
        assertThat(column(actual).equalsUpToGlobalPhase(column(expected), 1e-9)).as(c.operations().toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26})
    void countsCoverExactlyTheReferenceSupportUniformly(long seed) {
        int qubits = 2 + (int) (seed % 5);
        Circuit c = randomClifford(seed, qubits, 60).clbits(qubits).measureAll().build();
        SimulationResult exact = reference.run(c, RunOptions.shots(0, 1).withStatevector(true));
        double[] sv = exact.statevector();
        java.util.Set<String> support = new java.util.TreeSet<>();
        double p0 = -1;
        for (int i = 0; i < sv.length / 2; i++) {
            double p = sv[2 * i] * sv[2 * i] + sv[2 * i + 1] * sv[2 * i + 1];
            if (p > 1e-9) {
                support.add(io.qubench.sim.Bitstrings.ofIndex(i, qubits));
                if (p0 < 0) {
                    p0 = p;
                }
                assertThat(p).isCloseTo(p0, within(1e-9));
            }
        }
        SimulationResult sampled = stabilizer.run(c, RunOptions.shots(4000, seed));
        assertThat(sampled.counts().keySet()).isEqualTo(support);
        for (int count : sampled.counts().values()) {
            double expected = 4000.0 / support.size();
            assertThat((double) count).isCloseTo(expected, within(5 * Math.sqrt(expected) + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void everyPauliExpectationEqualsTheReferenceStates(long seed) {
        int qubits = 1 + (int) (seed % 5);
        Circuit c = randomClifford(seed, qubits, 50).build();
        double[] amplitudes = reference.run(c, RunOptions.shots(0, 1).withStatevector(true)).statevector();
        List<PauliString> all = new ArrayList<>();
        for (int code = 0; code < 1 << 2 * qubits; code++) {
            StringBuilder letters = new StringBuilder();
            for (int q = 0; q < qubits; q++) {
                letters.append("IXYZ".charAt(code >> 2 * q & 3));
            }
            all.add(PauliString.parse(letters.toString()));
        }
        double[] values = stabilizer.runWithExpectations(c, RunOptions.shots(0, 1), all).expectations();
        int signed = 0;
        for (int k = 0; k < all.size(); k++) {
            assertThat(values[k]).as(all.get(k) + " after " + c.operations()).isCloseTo(all.get(k).expectationIn(amplitudes), within(1e-9));
            signed += values[k] != 0 ? 1 : 0;
        }
        // A stabilizer group holds 2^n strings, each with a value ±1; the rest are 0.
        assertThat(signed).isEqualTo(1 << qubits);
    }

    @Test
    void aThousandQubitGhzStateGivesExpectationsFromTheTableau() {
        Circuit ghz = BenchmarkCircuits.ghz(1000);
        List<PauliString> paulis = List.of(PauliString.parse("Z" + "I".repeat(61) + "Z"), PauliString.parse("Z"),
                PauliString.parse("X".repeat(63)), PauliString.parse("YY"));
        ResultWithExpectations run = stabilizer.runWithExpectations(ghz, RunOptions.shots(200, 7), paulis);
        assertThat(run.expectations()).containsExactly(1, 0, 0, 0);
        assertThat(run.result().counts()).isEqualTo(stabilizer.run(ghz, RunOptions.shots(200, 7)).counts());
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).gate(StandardGate.S, 0).build();
        // S on one half of (|00⟩ + |11⟩)/√2 makes (|00⟩ + i|11⟩)/√2: ⟨YX⟩ = ⟨XY⟩ = 1, ⟨XX⟩ = 0.
        assertThat(stabilizer.runWithExpectations(bell, RunOptions.shots(0, 1),
                List.of(PauliString.parse("YX"), PauliString.parse("XY"), PauliString.parse("XX"))).expectations())
                .containsExactly(1, 1, 0);
    }

    @Test
    void expectationsOfACircuitWithoutOneFinalStateAreRefused() {
        Circuit c = Circuit.builder().qubits(2).clbits(1).h(0).measure(0, 0).cx(0, 1).build();
        assertThatThrownBy(() -> stabilizer.runWithExpectations(c, RunOptions.shots(10, 1), List.of(PauliString.parse("ZZ"))))
                .isInstanceOf(SimulationException.class).hasMessageContaining("the state before the final measurements");
        assertThatThrownBy(() -> stabilizer.runWithExpectations(BenchmarkCircuits.ghz(3), RunOptions.shots(10, 1),
                List.of(PauliString.parse("ZZZZ")))).hasMessageContaining("'ZZZZ' has 4 letters; the circuit has 3 qubits");
    }

    @Test
    void midCircuitMeasurementResetAndConditionsMatchTheReferenceDistribution() {
        CircuitBuilder b = Circuit.builder().qubits(3);
        ClassicalRegister c = b.addClassicalRegister("c", 3);
        b.h(0).cx(0, 1).measure(0, 0)
                .add(new GateOperation(StandardGate.X, List.of(), List.of(2), Condition.onRegister(c, 1)))
                .reset(0).h(0).measure(0, 1).measure(2, 2);
        Circuit circuit = b.build();
        SimulationResult fast = stabilizer.run(circuit, RunOptions.shots(8000, 3));
        SimulationResult exact = reference.run(circuit, RunOptions.shots(8000, 3));
        assertThat(fast.counts().keySet()).isEqualTo(exact.counts().keySet());
        fast.counts().forEach((k, v) -> assertThat((double) v).isCloseTo(exact.counts().get(k), within(400.0)));
        assertThat(fast.counts().keySet()).allMatch(k -> k.charAt(0) == k.charAt(2));
    }

    @Test
    void aThousandQubitGhzStateGivesAllZerosOrAllOnes() {
        SimulationResult r = stabilizer.run(BenchmarkCircuits.ghz(1000), RunOptions.shots(1000, 7));
        assertThat(r.counts()).containsOnlyKeys("0".repeat(1000), "1".repeat(1000));
        assertThat((double) r.counts().get("0".repeat(1000))).isCloseTo(500, within(80.0));
        assertThat(r.engine()).isEqualTo("stabilizer");
    }

    @Test
    void sameSeedSameCounts() {
        Circuit c = randomClifford(5, 30, 300).clbits(30).measureAll().build();
        assertThat(stabilizer.run(c, RunOptions.shots(300, 9)).counts()).isEqualTo(stabilizer.run(c, RunOptions.shots(300, 9)).counts());
    }

    @Test
    void aNonCliffordGateIsNamedInTheError() {
        Circuit c = Circuit.builder().qubits(2).h(0).gate(StandardGate.T, 1).build();
        assertThatThrownBy(() -> stabilizer.run(c, RunOptions.shots(1, 1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("gate t()").hasMessageContaining("q[1]").hasMessageContaining("operation 2");
        assertThat(StabilizerSimulator.supports(c, Map.of())).isFalse();
        Circuit quarter = Circuit.builder().qubits(1).gate(StandardGate.RZ, new double[] {-Math.PI / 2}, 0).build();
        assertThat(StabilizerSimulator.supports(quarter, Map.of())).isTrue();
    }

    @Test
    void autoPicksTheStabilizerForCliffordCircuits() {
        Circuit clifford = BenchmarkCircuits.ghz(5);
        assertThat(Engine.choose(clifford, RunOptions.shots(10, 1))).isEqualTo(Engine.STABILIZER);
        assertThat(Engine.choose(clifford, RunOptions.shots(10, 1).withStatevector(true))).isEqualTo(Engine.STATEVECTOR);
        assertThat(Engine.choose(BenchmarkCircuits.qft(4), RunOptions.shots(10, 1))).isEqualTo(Engine.STATEVECTOR);
    }

    @Test
    void anInterruptedRunIsCancelled() throws InterruptedException {
        Circuit big = randomClifford(3, 500, 20_000).clbits(1).measure(0, 0).reset(0).build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                stabilizer.run(big, RunOptions.shots(100, 1));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join(20_000);
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
    }
}
