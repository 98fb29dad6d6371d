package io.qubench.sim.density;

import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.noise.NoiseModel;
import io.qubench.sim.ExpectationReader;
import io.qubench.sim.MemoryGuard;
import io.qubench.sim.PauliString;
import io.qubench.sim.ResultWithExpectations;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import io.qubench.sim.statevector.ParallelPolicy;
import io.qubench.sim.statevector.Warmup;

/**
 * Exact noisy simulation of small circuits: the density matrix evolves under gates and the noise
 * model's channels. Mid-circuit measurement collapses ρ shot by shot; readout errors flip
 * reported bits. Memory is 16·4^n bytes, so it is meant for up to about 12–14 qubits.
 */
public final class DensityMatrixSimulator implements Simulator {

    /** 4^15 entries fill the largest arrays the state-vector storage allows. */
    public static final int MAX_QUBITS = 15;

    private final NoiseModel noise;
    private final ParallelPolicy policy;

    public DensityMatrixSimulator() {
        this(NoiseModel.IDEAL);
    }

    public DensityMatrixSimulator(NoiseModel noise) {
        this(noise, ParallelPolicy.allCores(1 << 14));
    }

    public DensityMatrixSimulator(NoiseModel noise, ParallelPolicy policy) {
        this.noise = noise;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "density";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        return run(circuit, options, new ExpectationReader(List.of(), circuit.numQubits()));
    }

    /**
     * The run's counts and Tr(ρP) for each Pauli string, read from the ρ the counts are sampled
     * from (readout errors, which act on the reported bits, are not in it): the circuit runs once
     * for both. A mid-circuit measurement, a reset or a condition is a clear error before anything runs.
     */
    public ResultWithExpectations runWithExpectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        ExpectationReader reader = new ExpectationReader(paulis, circuit.numQubits());
        return reader.with(run(circuit, options, reader));
    }

    /** A run, with Tr(ρP) of each of the reader's strings (when there are any) read from its final ρ. */
    private SimulationResult run(Circuit circuit, RunOptions options, ExpectationReader expectations) {
        long start = System.nanoTime();
        int n = circuit.numQubits();
        long bytes = MemoryGuard.statevectorBytes(Math.min(2 * n, 62));
        boolean perShot = !ShotRunner.terminalMeasurementsOnly(circuit);
        requireFits(n, perShot && bytes < Long.MAX_VALUE / 2 ? 2 * bytes : bytes, "use the trajectory engine for noisy circuits this large");
        Circuit flat = ShotRunner.prepare(circuit, options);
        List<GateOperation> gates = ShotRunner.gatesOf(flat);
        List<DensityState.Batch> batches = DensityState.batches(n, noise, gates);
        // Compiled while ρ is first touched; run cold, the kernels took 3.7 s of noisy12's gates, warm 1.2 s.
        Warmup warmup = DensityState.warmupFor(n, batches);
        ShotRunner<DensityState> runner = new ShotRunner<>(flat, options, q -> {
            DensityState state = new DensityState(q, noise, policy);
            state.prepare(gates, batches);
            warmup.await();
            return state;
        });
        return expectations.isEmpty() ? runner.run(circuit, name(), start)
                : runner.run(circuit, name(), start, state -> expectations.read(state::expectation));
    }

    /**
     * Tr(ρP) for each Pauli string, ρ being the noisy state the circuit's gates and their channels
     * prepare before its terminal measurements (readout errors, which act on the reported bits,
     * are not in it). A mid-circuit measurement, a reset or a condition is a clear error.
     */
    public double[] expectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        return runWithExpectations(circuit, options, paulis).expectations();
    }

    /** Refuses, before anything runs, expectation values of an n-qubit ρ that does not fit. */
    public static void requireExpectationsFit(int n) {
        requireFits(n, MemoryGuard.statevectorBytes(Math.min(2 * n, 62)), "--expect with --noise needs this density matrix (drop --noise for the ideal state's values)");
    }

    /** Refuses, before anything is allocated, an n-qubit run needing {@code needed} bytes that are not there. */
    private static void requireFits(int n, long needed, String advice) {
        if (needed > MemoryGuard.availableBytes() || n > MAX_QUBITS) {
            throw new SimulationException("A " + n + "-qubit density matrix needs " + MemoryGuard.human(needed) + " (at most "
                    + MAX_QUBITS + " qubits fit) but " + MemoryGuard.human(MemoryGuard.availableBytes())
                    + " of memory is available to Qubench; " + advice);
        }
    }

    /** The diagonal of ρ after the circuit's gates (measurements ignored), for exact probabilities. */
    public double[] probabilities(Circuit circuit, RunOptions options) {
        Circuit flat = ShotRunner.prepare(circuit, options);
        DensityState state = new DensityState(flat.numQubits(), noise, policy);
        state.applyGates(ShotRunner.gatesOf(flat));
        double[] p = new double[1 << flat.numQubits()];
        for (int i = 0; i < p.length; i++) {
            p[i] = state.probability(i);
        }
        return p;
    }
}
