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
    /**
     * A run of 20+ qubits and this many gate-amplitudes (gates × 2^n) compiles the kernels first
     * (warm-up, overlapping the allocation) and waits for them: run cold they would cost more
     * than the wait. On two cores the warm-up's 2 s of CPU would slow a lighter run instead:
     * random-24 (1.2·10^10) and QFT-26 (2.5·10^10) warm up; QFT-22 (1.1·10^9) and GHZ-26 (1.7·10^9) do not.
     */
    private static final int WARMUP_FROM_QUBITS = 20;
    private static final double WARMUP_FROM_WORK = 5e9;

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

    @Override
    public String name() {
        return "statevector";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        ShotRunner.requireStatevectorFits(circuit, "state-vector", MAX_QUBITS);
        Circuit flat = ShotRunner.prepare(circuit, options);
        boolean deep = flat.numQubits() >= WARMUP_FROM_QUBITS && flat.operations().stream()
                .filter(op -> op instanceof io.qubench.circuit.Operation.GateOperation).count()
                * Math.pow(2, flat.numQubits()) >= WARMUP_FROM_WORK;
        if (deep) {
            // Compiled while the state's memory is first touched; then the kernels run warm.
            Warmup.startInBackground();
        }
        return new ShotRunner(flat, options, q -> {
            FastState state = new FastState(q, policy, maxFused);
            if (deep) {
                Warmup.await();
            }
            return state;
        }).run(circuit, name(), start);
    }
}
