package io.qubench.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Gates;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;

/**
 * The plain, obviously-correct state-vector engine: the oracle the fast engines are tested
 * against. It applies each gate's exact matrix, after expanding user-defined gates.
 *
 * <p>When every measurement is terminal, it simulates once and draws all shots from the final
 * distribution; the state vector returned is the one before those measurements. Otherwise
 * (mid-circuit measurement, reset, classical conditions) it simulates shot by shot from the
 * state reached before the first such operation; the state vector returned is the final
 * state of the first shot.
 */
public final class ReferenceSimulator implements Simulator {

    /** Largest state the reference engine's single array can hold (2·2^n doubles). */
    public static final int MAX_QUBITS = 29;
    private static final int CANCEL_CHECK_EVERY = 64;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        // The state, a copy for per-shot runs, and sampling tables: about 2.5 state vectors.
        long needed = MemoryGuard.statevectorBytes(n) == Long.MAX_VALUE ? Long.MAX_VALUE : MemoryGuard.statevectorBytes(n) / 2 * 5;
        MemoryGuard.requireFits(n, needed, MemoryGuard.availableBytes());
        if (n > MAX_QUBITS) {
            throw new SimulationException("the reference engine holds at most " + MAX_QUBITS + " qubits; this circuit has " + n);
        }
        Circuit flat = circuit.inlined().bind(options.parameters());
        if (!flat.parameters().isEmpty()) {
            throw new SimulationException("parameter '" + flat.parameters().iterator().next()
                    + "' has no value: give every free parameter a value before simulating");
        }
        Run run = new Run(flat, options);
        Run.Outcome outcome = terminalMeasurementsOnly(flat) ? run.sampleOnce() : run.shotByShot();
        return new SimulationResult(n, circuit.numClbits(), options.shots(), options.seed(), new TreeMap<>(outcome.counts()),
                options.statevector() ? outcome.statevector() : null, outcome.implicit(), name(), System.nanoTime() - start);
    }

    /** No conditions or resets, and nothing acts on a qubit after it is measured. */
    static boolean terminalMeasurementsOnly(Circuit circuit) {
        Set<Integer> measured = new HashSet<>();
        for (Operation op : circuit.operations()) {
            if (op.condition().isPresent() || op instanceof Reset) {
                return false;
            }
            if (op instanceof Barrier) {
                continue;
            }
            for (int q : op.qubits()) {
                if (measured.contains(q)) {
                    return false;
                }
            }
            if (op instanceof Measurement m) {
                measured.add(m.qubit());
            }
        }
        return true;
    }

    /** One simulation of one circuit with one set of options. */
    private static final class Run {

        record Outcome(Map<String, Integer> counts, double[] statevector, boolean implicit) {
        }

        private final Circuit circuit;
        private final RunOptions options;
        private final SplittableRandom random;
        private final List<Operation> ops;
        private int lastReported = -1;

        Run(Circuit circuit, RunOptions options) {
            this.circuit = circuit;
            this.options = options;
            this.random = new SplittableRandom(options.seed());
            this.ops = circuit.operations();
        }

        Outcome sampleOnce() {
            ReferenceState state = new ReferenceState(circuit.numQubits());
            List<Measurement> measurements = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                Operation op = ops.get(i);
                if (op instanceof GateOperation g) {
                    applyGate(state, g);
                } else if (op instanceof Measurement m) {
                    measurements.add(m);
                }
                checkpoint(i, ops.size(), 0.9);
            }
            boolean implicit = measurements.isEmpty();
            Map<Integer, Integer> byIndex = new HashMap<>();
            if (options.shots() > 0) {
                double[] cumulative = state.cumulativeProbabilities();
                for (int s = 0; s < options.shots(); s++) {
                    byIndex.merge(ReferenceState.sample(cumulative, random.nextDouble()), 1, Integer::sum);
                }
            }
            Map<String, Integer> counts = new TreeMap<>();
            boolean[] clbits = new boolean[circuit.numClbits()];
            byIndex.forEach((index, count) -> {
                String key;
                if (implicit) {
                    key = Bitstrings.ofIndex(index, circuit.numQubits());
                } else {
                    java.util.Arrays.fill(clbits, false);
                    for (Measurement m : measurements) {
                        clbits[m.clbit()] = ((index >> m.qubit()) & 1) == 1;
                    }
                    key = Bitstrings.format(clbits, circuit.classicalRegisters());
                }
                counts.merge(key, count, Integer::sum);
            });
            options.progress().progress(1.0);
            return new Outcome(counts, state.amplitudes(), implicit);
        }

        Outcome shotByShot() {
            int firstNonUnitary = 0;
            ReferenceState prefix = new ReferenceState(circuit.numQubits());
            while (firstNonUnitary < ops.size() && isPlainGate(ops.get(firstNonUnitary))) {
                if (ops.get(firstNonUnitary) instanceof GateOperation g) {
                    applyGate(prefix, g);
                }
                if ((firstNonUnitary & (CANCEL_CHECK_EVERY - 1)) == 0) {
                    checkCancelled();
                }
                firstNonUnitary++;
            }
            Map<String, Integer> counts = new TreeMap<>();
            double[] firstState = null;
            int shots = Math.max(options.shots(), options.statevector() ? 1 : 0);
            for (int shot = 0; shot < shots; shot++) {
                ReferenceState state = prefix.copy();
                boolean[] clbits = new boolean[circuit.numClbits()];
                for (int i = firstNonUnitary; i < ops.size(); i++) {
                    apply(state, ops.get(i), clbits);
                    if ((i & (CANCEL_CHECK_EVERY - 1)) == 0) {
                        checkCancelled();
                    }
                }
                if (shot < options.shots()) {
                    counts.merge(Bitstrings.format(clbits, circuit.classicalRegisters()), 1, Integer::sum);
                }
                if (shot == 0) {
                    firstState = state.amplitudes();
                }
                checkpoint(shot, shots, 1.0);
            }
            options.progress().progress(1.0);
            return new Outcome(counts, firstState, false);
        }

        private static boolean isPlainGate(Operation op) {
            return (op instanceof GateOperation && op.condition().isEmpty()) || op instanceof Barrier;
        }

        private void apply(ReferenceState state, Operation op, boolean[] clbits) {
            if (op.condition().isPresent() && !op.condition().get().holds(clbits)) {
                return;
            }
            switch (op) {
                case GateOperation g -> applyGate(state, g);
                case Measurement m -> clbits[m.clbit()] = state.measure(m.qubit(), random);
                case Reset r -> state.reset(r.qubit(), random);
                case Barrier b -> { }
            }
        }

        private static void applyGate(ReferenceState state, GateOperation g) {
            int[] targets = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            state.apply(Gates.matrix(g.gate(), g.paramValues(Map.of())), targets);
        }

        /** Checks for cancellation and reports progress at most about a hundred times. */
        private void checkpoint(int done, int total, double share) {
            if ((done & (CANCEL_CHECK_EVERY - 1)) == 0) {
                checkCancelled();
            }
            int percent = (int) (100.0 * (done + 1) / Math.max(1, total) * share);
            if (percent != lastReported) {
                lastReported = percent;
                options.progress().progress(percent / 100.0);
            }
        }

        private static void checkCancelled() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("simulation cancelled");
            }
        }
    }
}
