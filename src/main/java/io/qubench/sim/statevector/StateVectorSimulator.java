package io.qubench.sim.statevector;

import io.qubench.circuit.Circuit;
import io.qubench.sim.MemoryGuard;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;

/**
 * The fast state-vector engine: gate fusion into dense blocks, kernels specialised by gate
 * kind, SIMD and all cores. Results follow the same conventions as the reference engine.
 */
public final class StateVectorSimulator implements Simulator {

    /** Two {@code double[2^n]} arrays: Java arrays stop below 2^31 elements. */
    public static final int MAX_QUBITS = 30;
    public static final int DEFAULT_FUSION = 3;
    /** Below this the whole run is shorter than compiling the kernels. */
    private static final int WARMUP_FROM_QUBITS = 20;

    private final ParallelPolicy policy;
    private final int maxFused;

    public StateVectorSimulator() {
        this(ParallelPolicy.allCores(1 << 15), DEFAULT_FUSION);
    }

    /** {@code maxFused} = 0 turns fusion off. */
    public StateVectorSimulator(ParallelPolicy policy, int maxFused) {
        this.policy = policy;
        this.maxFused = maxFused;
    }

    /**
     * ⟨P⟩ for each Pauli string in the state the circuit's gates prepare (measurements and
     * resets are not allowed: the state must be pure and known), without copying the state.
     */
    public double[] expectations(Circuit circuit, RunOptions options, java.util.List<io.qubench.sim.PauliString> paulis) {
        int n = circuit.numQubits();
        MemoryGuard.requireFits(n, MemoryGuard.statevectorBytes(n), MemoryGuard.availableBytes(), "");
        Circuit flat = ShotRunner.prepare(circuit, options);
        java.util.List<io.qubench.circuit.Operation.GateOperation> gates = new java.util.ArrayList<>();
        for (io.qubench.circuit.Operation op : flat.operations()) {
            switch (op) {
                case io.qubench.circuit.Operation.GateOperation g when g.condition().isEmpty() -> gates.add(g);
                case io.qubench.circuit.Operation.Barrier b -> { }
                default -> throw new SimulationException("expectation values need a circuit of gates only; it has " + op);
            }
        }
        FastState state = new FastState(n, policy, maxFused);
        state.applyGates(gates);
        return paulis.stream().mapToDouble(state::expectation).toArray();
    }

    /**
     * Starts compiling the kernels in the background, for a front end that knows a simulation is
     * coming (the command line, before it parses the circuit; the workbench, when it opens).
     */
    public static void warmUpInBackground() {
        Warmup.startInBackground();
    }

    @Override
    public String name() {
        return "statevector";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        ShotRunner.requireStatevectorFits(circuit, "state-vector", MAX_QUBITS);
        if (circuit.numQubits() >= WARMUP_FROM_QUBITS) {
            Warmup.startInBackground();
        }
        Circuit flat = ShotRunner.prepare(circuit, options);
        return new ShotRunner(flat, options, q -> {
            FastState state = new FastState(q, policy, maxFused);
            if (q >= WARMUP_FROM_QUBITS) {
                // Allocating the state took the warm-up's time anyway; cold kernels would cost more than the rest of it.
                Warmup.await();
            }
            return state;
        }).run(circuit, name(), start);
    }
}
