package io.qubench.transpile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.CircuitBuilder;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Condition;
import io.qubench.circuit.Expression;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.StandardGate;
import io.qubench.circuit.UserInputException;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import io.qubench.sim.ReferenceSimulatorProperties;

class TranspilerTest {

    /** Only native gates, two-qubit ones on usable couplers in their direction. */
    static void assertRunsAsIs(Circuit isa, Device device) {
        Set<String> basis = Set.of("rz", "sx", "x", device.twoQubitGate());
        Set<List<Integer>> edges = new HashSet<>();
        device.usableEdges().forEach(e -> edges.add(List.of(e.control(), e.target())));
        assertThat(isa.numQubits()).isEqualTo(device.qubits());
        for (Operation op : isa.operations()) {
            if (op instanceof GateOperation g) {
                assertThat(basis).as("%s on %s", g.gate().qasmName(), device.name()).contains(g.gate().qasmName());
                if (g.qubits().size() == 2) {
                    assertThat(edges).as("%s%s on %s", g.gate().qasmName(), g.qubits(), device.name()).contains(g.qubits());
                }
            }
        }
    }

    /**
     * The transpiled circuit, started with circuit qubit v on its initial device qubit, ends with
     * the original's output on the final device qubits, up to a global phase: for every basis
     * input (the whole unitary) or, when {@code columns} is 0, for two random input states.
     */
    static void assertSameUnitary(Circuit original, TranspileResult r, int columns) {
        ActiveQubits active = ActiveQubits.of(r);
        int n = original.numQubits();
        int k = active.deviceQubits().size();
        int[] start = new int[n];
        int[] end = new int[n];
        for (int v = 0; v < n; v++) {
            start[v] = active.deviceQubits().indexOf(r.initial().physical(v));
            end[v] = active.deviceQubits().indexOf(r.finalLayout().physical(v));
        }
        List<double[]> inputs = new java.util.ArrayList<>();
        if (columns == 0) {
            inputs.add(StateVectors.random(n, 1));
            inputs.add(StateVectors.random(n, 2));
        } else {
            for (int x = 0; x < (1 << n); x++) {
                double[] e = new double[2 << n];
                e[2 * x] = 1;
                inputs.add(e);
            }
        }
        double phaseRe = Double.NaN;
        double phaseIm = Double.NaN;
        for (double[] in : inputs) {
            double[] actual = StateVectors.apply(active.circuit(), StateVectors.place(in, n, start, k));
            double[] expected = StateVectors.place(StateVectors.apply(original, in), n, end, k);
            if (columns == 0) {
                assertThat(StateVectors.overlap(actual, expected)).isCloseTo(1, within(1e-8));
                continue;
            }
            if (Double.isNaN(phaseRe)) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < actual.length; i += 2) {
                    re += expected[i] * actual[i] + expected[i + 1] * actual[i + 1];
                    im += expected[i] * actual[i + 1] - expected[i + 1] * actual[i];
                }
                assertThat(Math.hypot(re, im)).isCloseTo(1, within(1e-8));
                phaseRe = re / Math.hypot(re, im);
                phaseIm = im / Math.hypot(re, im);
            }
            for (int i = 0; i < actual.length; i += 2) {
                double er = expected[i] * phaseRe - expected[i + 1] * phaseIm;
                double ei = expected[i] * phaseIm + expected[i + 1] * phaseRe;
                assertThat(Math.abs(actual[i] - er) + Math.abs(actual[i + 1] - ei)).isLessThan(1e-8);
            }
        }
    }

    @ParameterizedTest(name = "{0} qubits, {1} gates on {2}, seed {3}")
    @CsvSource(textBlock = """
            2, 20, manila, 1
            3, 30, manila, 2
            4, 40, manila, 3
            5, 60, manila, 4
            5, 60, manila, 5
            6, 60, nairobi, 6
            7, 80, nairobi, 7
            7, 80, nairobi, 8
            5, 50, sherbrooke, 9
            6, 50, kingston, 10
            """)
    void randomCircuitsKeepTheirUnitaryUpToPhaseAndTheFinalPermutation(int qubits, int gates, String device, long seed) {
        Device d = ShippedDevices.load(device);
        Circuit c = ReferenceSimulatorProperties.randomCircuit(seed, qubits, gates);
        TranspileResult r = new Transpiler(d).transpile(c, TranspileOptions.defaults().withSeed(seed));
        assertRunsAsIs(r.isa(), d);
        assertSameUnitary(c, r, 1);
    }

    @ParameterizedTest(name = "8 qubits on {0}, seed {1}")
    @CsvSource(textBlock = """
            guadalupe, 21
            hanoi, 22
            sherbrooke, 23
            kingston, 24
            """)
    void eightQubitCircuitsMapRandomStatesLikeTheOriginal(String device, long seed) {
        Device d = ShippedDevices.load(device);
        Circuit c = ReferenceSimulatorProperties.randomCircuit(seed, 8, 120);
        TranspileResult r = new Transpiler(d).transpile(c, TranspileOptions.defaults().withSeed(seed));
        assertRunsAsIs(r.isa(), d);
        assertSameUnitary(c, r, 0);
        assertThat(r.report().swaps()).isPositive();
    }

    @Test
    void withoutOptimisationTheCircuitIsStillCorrectButLarger() {
        Device nairobi = ShippedDevices.load("nairobi");
        Circuit c = ReferenceSimulatorProperties.randomCircuit(31, 6, 60);
        TranspileResult plain = new Transpiler(nairobi).transpile(c, TranspileOptions.defaults().withOptimise(false));
        TranspileResult optimised = new Transpiler(nairobi).transpile(c, TranspileOptions.defaults());
        assertRunsAsIs(plain.isa(), nairobi);
        assertSameUnitary(c, plain, 1);
        assertThat(optimised.isa().gateCount()).isLessThan(plain.isa().gateCount());
        assertThat(plain.report().optimised()).isFalse();
    }

    @Test
    void theSameSeedGivesTheSameCircuit() {
        Device hanoi = ShippedDevices.load("hanoi");
        Circuit c = ReferenceSimulatorProperties.randomCircuit(41, 8, 100);
        TranspileOptions options = TranspileOptions.defaults().withSeed(7);
        TranspileResult a = new Transpiler(hanoi).transpile(c, options);
        TranspileResult b = new Transpiler(hanoi).transpile(c, options);
        assertThat(PhysicalQasm.write(a.isa())).isEqualTo(PhysicalQasm.write(b.isa()));
        assertThat(a.report()).isEqualTo(b.report());
    }

    @Test
    void inversePairsAndIdentitiesDisappearAndOneQubitRunsMerge() {
        Device manila = ShippedDevices.load("manila");
        Circuit c = Circuit.builder().qubits(2).h(0).h(0).cx(0, 1).cx(0, 1).gate(StandardGate.ID, 1)
                .gate(StandardGate.T, 1).gate(StandardGate.T, 1).gate(StandardGate.S, 1).x(0).x(0).build();
        Circuit isa = new Transpiler(manila).transpile(c, TranspileOptions.defaults()).isa();
        assertThat(isa.operations()).singleElement().satisfies(op -> {
            GateOperation g = (GateOperation) op;
            assertThat(g.gate()).isEqualTo(StandardGate.RZ);
            assertThat(g.params().getFirst().evaluate(Map.of())).isCloseTo(Math.PI, within(1e-9));
        });
    }

    @Test
    void aCxAgainstTheCouplerDirectionIsTurnedRound() {
        Device sherbrooke = ShippedDevices.load("sherbrooke");
        Device.Edge e = sherbrooke.usableEdges().getFirst();
        Circuit c = Circuit.builder().qubits(sherbrooke.qubits()).cx(e.target(), e.control()).build();
        TranspileResult r = new Transpiler(sherbrooke).transpile(c, TranspileOptions.defaults());
        assertRunsAsIs(r.isa(), sherbrooke);
        assertThat(r.report().after().twoQubitGates()).isEqualTo(1);
        assertThat(r.report().swaps()).isZero();
    }

    @Test
    void measurementsGoToTheQubitsFinalPlaceAndKeepTheirClassicalBits() {
        Device manila = ShippedDevices.load("manila");
        CircuitBuilder b = Circuit.builder().qubits(5).clbits(5);
        b.cx(0, 4).cx(1, 3).cx(2, 0).cx(4, 1).barrier(0, 1, 2, 3, 4);
        for (int q = 0; q < 5; q++) {
            b.measure(q, 4 - q);
        }
        TranspileResult r = new Transpiler(manila).transpile(b.build(), TranspileOptions.defaults());
        assertThat(r.report().swaps()).isPositive();
        List<Measurement> measured = r.isa().operations().stream().filter(Measurement.class::isInstance).map(Measurement.class::cast)
                .toList();
        assertThat(measured).hasSize(5);
        for (Measurement m : measured) {
            int v = 4 - m.clbit();
            assertThat(m.qubit()).as("measure of q[%d]", v).isEqualTo(r.finalLayout().physical(v));
        }
        assertThat(r.isa().operations()).anyMatch(Operation.Barrier.class::isInstance);
        assertThat(io.qubench.sim.ShotRunner.terminalMeasurementsOnly(r.isa())).as("measurements stay last").isTrue();
    }

    @Test
    void resetsAndConditionsSurviveRoutingWithTheirClassicalBits() {
        Device manila = ShippedDevices.load("manila");
        CircuitBuilder b = Circuit.builder().qubits(5);
        ClassicalRegister c = b.addClassicalRegister("c", 2);
        b.x(0).measure(0, 0).reset(0);
        b.add(new GateOperation(StandardGate.H, List.of(), List.of(4), Condition.onRegister(c, 1)));
        b.add(new GateOperation(StandardGate.CX, List.of(), List.of(4, 0), new Condition(c, 0, 1)));
        b.cx(1, 4).measure(4, 1);
        TranspileResult r = new Transpiler(manila).transpile(b.build(), TranspileOptions.defaults());
        assertRunsAsIs(r.isa(), manila);
        long conditioned = r.isa().operations().stream().filter(op -> op.condition().isPresent()).count();
        assertThat(conditioned).isPositive();
        assertThat(r.isa().operations()).filteredOn(op -> op.condition().isPresent())
                .allMatch(op -> op.condition().get().register().equals(c));
        assertThat(r.isa().operations()).filteredOn(Operation.Reset.class::isInstance).singleElement()
                .satisfies(op -> assertThat(op.qubits()).containsExactly(r.initial().physical(0)));
        assertThat(r.isa().operations()).filteredOn(Measurement.class::isInstance).extracting(op -> ((Measurement) op).clbit())
                .containsExactly(0, 1);
    }

    @Test
    void aBellPairGoesOnTheBestCalibratedCoupler() {
        Device hanoi = ShippedDevices.load("hanoi");
        DeviceErrors errors = new DeviceErrors(hanoi);
        Circuit bell = Circuit.builder().qubits(2).clbits(2).h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        TranspileResult r = new Transpiler(hanoi).transpile(bell, TranspileOptions.defaults());
        double best = Double.POSITIVE_INFINITY;
        for (Device.Edge e : hanoi.usableEdges()) {
            for (int[] pq : new int[][] {{e.control(), e.target()}, {e.target(), e.control()}}) {
                double cost = errors.oneQubit(pq[0]) + errors.twoQubit(pq[0], pq[1]) + errors.readout(pq[0]) + errors.readout(pq[1]);
                best = Math.min(best, cost);
            }
        }
        int a = r.initial().physical(0);
        int b = r.initial().physical(1);
        double chosen = errors.oneQubit(a) + errors.twoQubit(a, b) + errors.readout(a) + errors.readout(b);
        assertThat(chosen).isCloseTo(best, within(1e-12));
        assertThat(r.report().swaps()).isZero();
    }

    @Test
    void theReportCountsGatesAndMultipliesCalibratedFidelities() {
        Device manila = ShippedDevices.load("manila");
        Circuit c = Circuit.builder().qubits(1).clbits(1).x(0).measure(0, 0).build();
        TranspileResult r = new Transpiler(manila).transpile(c, TranspileOptions.defaults().withShots(100));
        int p = r.initial().physical(0);
        double x = manila.calibration().gate("x", List.of(p)).orElseThrow().error();
        double readout = manila.calibration().qubits().get(p).readoutError();
        assertThat(r.report().estimatedSuccess()).isCloseTo((1 - x) * (1 - readout), within(1e-12));
        assertThat(r.report().before()).isEqualTo(new CircuitStats(2, 1, 0, 0));
        assertThat(r.report().after()).isEqualTo(new CircuitStats(2, 1, 0, 0));
        assertThat(r.report().initialLayout()).containsExactly(Map.entry("q[0]", p));
        assertThat(r.report().toText()).contains("estimated success probability: 0.9").contains("q[0]→$" + p);
    }

    @Test
    void circuitsThatCannotRunAreRefusedNamingWhatAndWhere() {
        Transpiler manila = new Transpiler(ShippedDevices.load("manila"));
        Circuit big = Circuit.builder().qubits(6).h(5).build();
        assertThatThrownBy(() -> manila.transpile(big, TranspileOptions.defaults())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("the circuit has 6 qubits but manila has 5");
        Circuit opaque = Circuit.builder().qubits(2)
                .gate(GateDefinition.opaque("oracle", List.of(), List.of("a", "b")), List.of(), 0, 1).build();
        assertThatThrownBy(() -> manila.transpile(opaque, TranspileOptions.defaults()))
                .hasMessageContaining("gate oracle is opaque").hasMessageContaining("manila");
        Circuit small = Circuit.builder().qubits(1).h(0).build();
        assertThatThrownBy(() -> manila.transpile(small, TranspileOptions.defaults().withShots(200_000)))
                .hasMessageContaining("200000 shots exceed manila's maximum of 100000");
        Circuit free = Circuit.builder().qubits(1).gate(StandardGate.RZ, List.of(Expression.parse("theta")), 0).build();
        assertThatThrownBy(() -> manila.transpile(free, TranspileOptions.defaults())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("free parameters (theta)");
    }

    @Test
    void theIsaCircuitReadsBackFromItsPhysicalQubitQasm() {
        Device sherbrooke = ShippedDevices.load("sherbrooke");
        CircuitBuilder b = Circuit.builder().qubits(3);
        ClassicalRegister c = b.addClassicalRegister("m", 3);
        b.h(0).cx(0, 2).cx(2, 1).measure(0, 0).reset(1);
        b.add(new GateOperation(StandardGate.X, List.of(), List.of(1), new Condition(c, 0, 1)));
        b.measure(1, 1).measure(2, 2);
        Circuit isa = new Transpiler(sherbrooke).transpile(b.build(), TranspileOptions.defaults()).isa();
        String qasm = PhysicalQasm.write(isa);
        assertThat(qasm).contains("$").contains("bit[3] m;").contains("if (m[0] == 1) x $").doesNotContain("qubit[");
        Circuit back = io.qubench.qasm.QasmReader.parse(qasm, "isa");
        assertThat(back.operations()).hasSameSizeAs(isa.operations());
        for (int i = 0; i < isa.operations().size(); i++) {
            Operation expected = isa.operations().get(i);
            Operation actual = back.operations().get(i);
            assertThat(actual.qubits()).isEqualTo(expected.qubits());
            assertThat(actual.clbits()).isEqualTo(expected.clbits());
            if (expected instanceof GateOperation g) {
                assertThat(((GateOperation) actual).gate()).isEqualTo(g.gate());
                assertThat(((GateOperation) actual).paramValues(Map.of())).containsExactly(g.paramValues(Map.of()), within(1e-12));
            }
        }
    }

    /** Manila with one qubit's readout made bad (40 % error). */
    private static Device manilaWithBadReadoutOn(int qubit) {
        Device manila = ShippedDevices.load("manila");
        List<io.qubench.device.QubitCalibration> qubits = new java.util.ArrayList<>(manila.calibration().qubits());
        io.qubench.device.QubitCalibration q = qubits.get(qubit);
        qubits.set(qubit, new io.qubench.device.QubitCalibration(q.t1(), q.t2(), 0.4, 0.4, q.readoutLength()));
        io.qubench.device.Calibration cal = new io.qubench.device.Calibration(manila.name(), manila.calibration().timestamp(), qubits,
                manila.calibration().gates());
        return new Device(manila.name(), manila.backendName(), manila.qubits(), manila.basisGates(), manila.couplingMap(),
                manila.maxShots(), cal);
    }

    @ParameterizedTest
    @CsvSource({"0, 4", "4, 0"})
    void theLayoutAvoidsAQubitThatReadsBadly(int bad, int spare) {
        // A chain of four on manila's line of five fits on 0-3 or 1-4; the bad end must be left out.
        Circuit chain = Circuit.builder().qubits(4).clbits(4).h(0).cx(0, 1).cx(1, 2).cx(2, 3).measureAll().build();
        TranspileResult r = new Transpiler(manilaWithBadReadoutOn(bad)).transpile(chain, TranspileOptions.defaults());
        assertThat(r.initial().circuitToDevice().values()).doesNotContain(bad).contains(spare);
        assertThat(r.report().swaps()).isZero();
    }

    @Test
    void routingGoesAroundABrokenCoupler() {
        Device kingston = ShippedDevices.load("kingston");
        io.qubench.device.GateCalibration broken = kingston.calibration().gates().stream()
                .filter(g -> g.gate().equals("cz") && g.isBroken()).findFirst().orElseThrow();
        int a = broken.qubits().get(0);
        int b = broken.qubits().get(1);
        CircuitBuilder builder = Circuit.builder().qubits(Math.max(a, b) + 1);
        Circuit c = builder.gate(StandardGate.CZ, a, b).build();
        TranspileResult r = new Transpiler(kingston).transpile(c, TranspileOptions.defaults());
        assertRunsAsIs(r.isa(), kingston);
        assertThat(r.isa().operations()).noneMatch(op -> op.qubits().size() == 2
                && Set.copyOf(op.qubits()).equals(Set.of(a, b)));
    }
}
