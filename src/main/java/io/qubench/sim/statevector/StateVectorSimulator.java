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

    @Override
    public String name() {
        return "statevector";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        boolean perShot = !ShotRunner.terminalMeasurementsOnly(circuit);
        MemoryGuard.requireFits(n, MemoryGuard.statevectorBytes(n, perShot ? 2 : 1), MemoryGuard.availableBytes(),
                "with the copy kept for per-shot runs");
        if (n > MAX_QUBITS) {
            throw new SimulationException("the state-vector engine holds at most " + MAX_QUBITS + " qubits; this circuit has " + n);
        }
        if (n >= WARMUP_FROM_QUBITS) {
            Warmup.startInBackground();
        }
        Circuit flat = ShotRunner.prepare(circuit, options);
        return new ShotRunner(flat, options, q -> new FastState(q, policy, maxFused)).run(circuit, name(), start);
    }
}
