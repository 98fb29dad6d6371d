package io.qubench.sim.statevector;

import java.util.List;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.sim.ExpectationReader;
import io.qubench.sim.MemoryGuard;
import io.qubench.sim.PauliString;
import io.qubench.sim.Precision;
import io.qubench.sim.ResultWithExpectations;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;

/**
 * The fast state-vector engine: gate fusion into dense blocks, kernels specialised by gate
 * kind, SIMD and all cores. Results follow the same conventions as the reference engine.
 * {@link Precision#SINGLE} in the run options holds the state in float32 outside the heap
 * ({@link SingleState}): half the memory, amplitudes good to about 1e-6.
 */
public final class StateVectorSimulator implements Simulator {

    /** Two {@code double[2^n]} arrays: Java arrays stop below 2^31 elements. */
    public static final int MAX_QUBITS = 30;
    /**
     * In single precision the state lives outside the heap, indexed by long: memory decides
     * (31 qubits take 16 GiB); this bound only keeps the per-block sums small.
     */
    public static final int MAX_SINGLE_QUBITS = 36;
    public static final int DEFAULT_FUSION = 3;
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
     * ⟨P⟩ for each Pauli string in the state the circuit's gates prepare, before its terminal
     * measurements, without copying the state. A mid-circuit measurement, a reset or a condition
     * leaves no single pure state, and is a clear error.
     */
    public double[] expectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        return runWithExpectations(circuit, options, paulis).expectations();
    }

    /**
     * Refuses, before anything is allocated, a single-precision run whose {@code states} state
     * vectors do not fit {@code availableBytes} outside the heap, or whose amplitudes were asked
     * for ({@code statevector}) but cannot be returned in one Java array.
     */
    static void requireSingleFits(int n, int states, boolean statevector, long availableBytes, long physicalBytes) {
        if (statevector) {
            io.qubench.sim.QuantumState.requireListable(n);
        }
        MemoryGuard.requireStatevectorFits(n, states, Precision.SINGLE.bytesPerAmplitude(), true, availableBytes, physicalBytes,
                ShotRunner.COPY_DETAIL);
        if (n > MAX_SINGLE_QUBITS) {
            throw new SimulationException("the state-vector engine holds at most " + MAX_SINGLE_QUBITS
                    + " qubits in single precision; this circuit has " + n);
        }
    }

    @Override
    public String name() {
        return "statevector";
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        return run(circuit, options, null);
    }

    /**
     * The run's counts and ⟨P⟩ for each Pauli string, read from the one state the counts are
     * sampled from: the circuit's gates run once for both. A mid-circuit measurement, a reset
     * or a condition leaves no single state, and is a clear error before anything runs.
     */
    public ResultWithExpectations runWithExpectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        ExpectationReader reader = new ExpectationReader(paulis, circuit.numQubits());
        return reader.with(run(circuit, options, reader.isEmpty() ? null : reader));
    }

    /** A run, with {@code expectations} (when not null) read from its final state. */
    private SimulationResult run(Circuit circuit, RunOptions options, ExpectationReader expectations) {
        long start = System.nanoTime();
        if (options.precision() == Precision.SINGLE) {
            return runSingle(circuit, options, start, expectations);
        }
        if (options.statevector()) {
            io.qubench.sim.QuantumState.requireListable(circuit.numQubits());
        }
        ShotRunner.requireStatevectorFits(circuit, "state-vector", MAX_QUBITS);
        Circuit flat = ShotRunner.prepare(circuit, options);
        int n = flat.numQubits();
        FastState.Fusion fused = FastState.fuse(n, maxFused, ShotRunner.gatesOf(flat));
        int passes = ShotRunner.terminalMeasurementsOnly(flat) ? 1 : options.shots();
        KernelChoice.Run choice = KernelChoice.JVM.forRun(n, fused.kernels().size(), passes,
                () -> FastState.warmupForKernels(n, fused.kernels()));
        ShotRunner<FastState> runner = new ShotRunner<>(flat, options, q -> {
            FastState state = choice.vectors() ? new FastState(q, policy, maxFused) : FastState.scalar(q, policy, maxFused);
            state.prepare(fused);
            choice.waitFor().await();
            return state;
        });
        return expectations == null ? runner.run(circuit, name(), start)
                : runner.run(circuit, name(), start, state -> expectations.read(state::expectation));
    }

    private SimulationResult runSingle(Circuit circuit, RunOptions options, long start, ExpectationReader expectations) {
        int n = circuit.numQubits();
        requireSingleFits(n, ShotRunner.statesHeld(circuit), options.statevector(), MemoryGuard.offHeapAvailableBytes(),
                MemoryGuard.physicalBytes());
        Circuit flat = ShotRunner.prepare(circuit, options);
        // Single precision has vector kernels only; a deep run warms them up first (its rule is the older gates × 2^n).
        List<GateOperation> gates = ShotRunner.gatesOf(flat);
        Warmup warmup = Warmup.pays(n, gates.size()) ? SingleState.warmupFor(n, maxFused, gates) : Warmup.NONE;
        warmup.startInBackground();
        ShotRunner<SingleState> runner = new ShotRunner<>(flat, options, q -> {
            SingleState state = new SingleState(q, policy, maxFused);
            warmup.await();
            return state;
        });
        return expectations == null ? runner.run(circuit, name(), start)
                : runner.run(circuit, name(), start, state -> expectations.read(state::expectation));
    }
}
