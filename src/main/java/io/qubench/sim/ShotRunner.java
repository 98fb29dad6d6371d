package io.qubench.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.Barrier;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.Operation.Reset;

/**
 * The measurement semantics every state-vector engine shares. When every measurement is
 * terminal the circuit runs once and all shots are drawn from the final distribution (the
 * state vector returned is the one before those measurements). Otherwise the unitary prefix
 * runs once and each shot continues from a copy of it, with mid-circuit measurement, reset
 * and classical conditions (the state vector returned is the final state of the first shot).
 */
public final class ShotRunner<S extends QuantumState> {

    private static final int CANCEL_CHECK_EVERY = 64;

    private final Circuit circuit;
    private final RunOptions options;
    private final IntFunction<S> newState;
    private final SplittableRandom random;
    private final List<Operation> ops;
    private int lastReported = -1;

    /** {@code circuit} must be inlined and bound (see {@link #prepare}). */
    public ShotRunner(Circuit circuit, RunOptions options, IntFunction<S> newState) {
        this.circuit = circuit;
        this.options = options;
        this.newState = newState;
        this.random = new SplittableRandom(options.seed());
        this.ops = circuit.operations();
    }

    /**
     * Checks that a state-vector run of {@code circuit} fits (a second copy for per-shot runs,
     * at most {@code maxQubits} qubits) before anything is allocated.
     */
    public static void requireStatevectorFits(Circuit circuit, String engine, int maxQubits) {
        int n = circuit.numQubits();
        MemoryGuard.requireFits(n, MemoryGuard.statevectorBytes(n, statesHeld(circuit)), MemoryGuard.availableBytes(),
                COPY_DETAIL);
        if (n > maxQubits) {
            throw new SimulationException("the " + engine + " engine holds at most " + maxQubits + " qubits; this circuit has " + n);
        }
    }

    /** How {@link MemoryGuard} describes the second state of {@link #statesHeld} == 2. */
    public static final String COPY_DETAIL = "with the copy kept for per-shot runs";

    /**
     * States alive at once while running {@code circuit}: per-shot runs keep the state reached
     * before the first measurement and work on a copy of it.
     */
    public static int statesHeld(Circuit circuit) {
        return terminalMeasurementsOnly(circuit) ? 1 : 2;
    }

    /** Expands user gates and binds parameters; an unbound one is a clear error. */
    public static Circuit prepare(Circuit circuit, RunOptions options) {
        Circuit flat = circuit.inlined().bind(options.parameters());
        if (!flat.parameters().isEmpty()) {
            throw new SimulationException("parameter '" + flat.parameters().iterator().next()
                    + "' has no value: give every free parameter a value before simulating");
        }
        return flat;
    }

    /** The gates of a circuit, in order (measurements, resets and barriers left out). */
    public static List<GateOperation> gatesOf(Circuit circuit) {
        return circuit.operations().stream().filter(op -> op instanceof GateOperation).map(op -> (GateOperation) op).toList();
    }

    /** Runs and packages the result under {@code engine}'s name; {@code original} gives sizes. */
    public SimulationResult run(Circuit original, String engine, long startNanos) {
        return result(original, engine, startNanos, terminalMeasurementsOnly(circuit) ? sampleOnce(state -> { }) : shotByShot());
    }

    /**
     * As {@link #run(Circuit, String, long)}, and {@code finalState} reads the one state before
     * the terminal measurements (expectation values) between the gates and the sampling: one
     * pass for both. A circuit without such a state (see {@link #requireFinalState}) is refused
     * before anything runs.
     */
    public SimulationResult run(Circuit original, String engine, long startNanos, Consumer<? super S> finalState) {
        requireFinalState(circuit);
        return result(original, engine, startNanos, sampleOnce(finalState));
    }

    private SimulationResult result(Circuit original, String engine, long startNanos, Outcome outcome) {
        return new SimulationResult(original.numQubits(), original.numClbits(), options.shots(), options.seed(),
                new TreeMap<>(outcome.counts()), options.statevector() ? outcome.statevector() : null, outcome.implicit(),
                engine, System.nanoTime() - startNanos);
    }

    /**
     * Refuses a circuit without one state before its final measurements (a mid-circuit
     * measurement, a reset or a condition), for expectation values of that state.
     */
    public static void requireFinalState(Circuit circuit) {
        String midCircuit = midCircuitReason(circuit);
        if (midCircuit != null) {
            throw new SimulationException("expectation values are of the state before the final measurements, and this circuit "
                    + "has none to give: " + midCircuit);
        }
    }

    /** No conditions or resets, and nothing acts on a qubit after it is measured. */
    public static boolean terminalMeasurementsOnly(Circuit circuit) {
        return midCircuitReason(circuit) == null;
    }

    /**
     * What makes {@code circuit} need a run per shot, in words ("qubit 2 is reset"), or null
     * when its measurements are all terminal.
     */
    public static String midCircuitReason(Circuit circuit) {
        Set<Integer> measured = new HashSet<>();
        for (Operation op : circuit.operations()) {
            if (op.condition().isPresent()) {
                return "an operation on qubits " + op.qubits() + " is conditioned on classical bits";
            }
            if (op instanceof Reset r) {
                return "qubit " + r.qubit() + " is reset";
            }
            if (op instanceof Barrier) {
                continue;
            }
            for (int q : op.qubits()) {
                if (measured.contains(q)) {
                    return "qubit " + q + " is used after it is measured";
                }
            }
            if (op instanceof Measurement m) {
                measured.add(m.qubit());
            }
        }
        return null;
    }

    private record Outcome(Map<String, Integer> counts, double[] statevector, boolean implicit) {
    }

    private Outcome sampleOnce(Consumer<? super S> finalState) {
        try (S state = newState.apply(circuit.numQubits())) {
            return sampleOnce(state, finalState);
        }
    }

    private Outcome sampleOnce(S state, Consumer<? super S> finalState) {
        List<GateOperation> gates = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        for (Operation op : ops) {
            if (op instanceof GateOperation g) {
                gates.add(g);
            } else if (op instanceof Measurement m) {
                measurements.add(m);
            }
        }
        checkCancelled();
        state.applyGates(gates);
        checkCancelled();
        finalState.accept(state);
        options.progress().progress(0.9);
        boolean implicit = measurements.isEmpty();
        Map<String, Integer> counts = new HashMap<>();
        boolean[] clbits = new boolean[circuit.numClbits()];
        for (BitSet outcome : state.sample(options.shots(), random)) {
            String key;
            if (implicit) {
                key = Bitstrings.ofBits(outcome, circuit.numQubits());
            } else {
                Arrays.fill(clbits, false);
                for (Measurement m : measurements) {
                    clbits[m.clbit()] = outcome.get(m.qubit());
                }
                key = Bitstrings.format(clbits, circuit.classicalRegisters());
            }
            counts.merge(key, 1, Integer::sum);
        }
        options.progress().progress(1.0);
        return new Outcome(counts, options.statevector() ? state.amplitudes() : null, implicit);
    }

    private Outcome shotByShot() {
        int firstNonUnitary = 0;
        List<GateOperation> prefixGates = new ArrayList<>();
        while (firstNonUnitary < ops.size() && isPlainGate(ops.get(firstNonUnitary))) {
            if (ops.get(firstNonUnitary) instanceof GateOperation g) {
                prefixGates.add(g);
            }
            firstNonUnitary++;
        }
        try (QuantumState prefix = newState.apply(circuit.numQubits())) {
            prefix.applyGates(prefixGates);
            checkCancelled();
            Map<String, Integer> counts = new HashMap<>();
            double[] firstState = null;
            int shots = Math.max(options.shots(), options.statevector() ? 1 : 0);
            for (int shot = 0; shot < shots; shot++) {
                boolean[] clbits = new boolean[circuit.numClbits()];
                try (QuantumState state = prefix.copy()) {
                    for (int i = firstNonUnitary; i < ops.size(); i++) {
                        apply(state, ops.get(i), clbits);
                        if ((i & (CANCEL_CHECK_EVERY - 1)) == 0) {
                            checkCancelled();
                        }
                    }
                    if (shot == 0 && options.statevector()) {
                        firstState = state.amplitudes();
                    }
                }
                if (shot < options.shots()) {
                    counts.merge(Bitstrings.format(clbits, circuit.classicalRegisters()), 1, Integer::sum);
                }
                report(shot, shots);
            }
            options.progress().progress(1.0);
            return new Outcome(counts, firstState, false);
        }
    }

    private static boolean isPlainGate(Operation op) {
        return (op instanceof GateOperation && op.condition().isEmpty()) || op instanceof Barrier;
    }

    private void apply(QuantumState state, Operation op, boolean[] clbits) {
        if (op.condition().isPresent() && !op.condition().get().holds(clbits)) {
            return;
        }
        switch (op) {
            case GateOperation g -> state.applyGates(List.of(g));
            case Measurement m -> clbits[m.clbit()] = state.measure(m.qubit(), random);
            case Reset r -> state.reset(r.qubit(), random);
            case Barrier b -> { }
        }
    }

    /** Checks for cancellation and reports progress at most about a hundred times. */
    private void report(int done, int total) {
        checkCancelled();
        int percent = (int) (100.0 * (done + 1) / Math.max(1, total));
        if (percent != lastReported) {
            lastReported = percent;
            options.progress().progress(percent / 100.0);
        }
    }

    /** Throws {@link CancellationException} when the running thread was interrupted. */
    public static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("simulation cancelled");
        }
    }
}
