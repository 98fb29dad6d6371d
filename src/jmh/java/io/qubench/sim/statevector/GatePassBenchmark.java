package io.qubench.sim.statevector;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.qubench.circuit.StandardGate;

/**
 * One pass of a gate over a large state, by target: compare with the memory bandwidth
 * (a pass reads and writes 32 bytes per amplitude).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GatePassBenchmark {

    @Param({"24"})
    public int qubits;

    // 6 and 9: runs of 512 B and 4 KiB, which the hardware prefetcher follows badly (bench/bandwidth/inplace.c).
    @Param({"0", "2", "5", "6", "9", "14", "23"})
    public int target;

    @Param({"h", "rz", "cx", "swap", "cu", "rxx", "rxx-next"})
    public String gate;

    private FastState state;
    private Kernel kernel;

    @Setup
    public void allocate() {
        state = new FastState(qubits, ParallelPolicy.allCores(1 << 15), 0);
        int other = (target + qubits / 2) % qubits;
        // The kernel the engine would pick: dense for h and rxx (on the qubit half the state away, or the next one), diagonal for rz,
        // swap for cx (controlled by that qubit) and swap, controlled dense for cu (the same control).
        kernel = switch (gate) {
            case "h" -> Kernels.dense(StandardGate.H.matrix(), new int[] {target});
            case "rz" -> Kernels.special(StandardGate.RZ, new double[] {0.3}, new int[] {target});
            case "cx" -> Kernels.special(StandardGate.CX, new double[0], new int[] {other, target});
            case "swap" -> Kernels.special(StandardGate.SWAP, new double[0], new int[] {target, other});
            case "cu" -> Kernels.special(StandardGate.CU, new double[] {0.3, 0.2, 0.1, 0.4}, new int[] {other, target});
            // Neighbours, as in the random circuit's pairs: (0,1) lies inside one SIMD vector.
            // The top qubit's neighbour is the one below it.
            case "rxx-next" -> Kernels.dense(StandardGate.RXX.matrix(0.3),
                    target + 1 < qubits ? new int[] {target, target + 1} : new int[] {target - 1, target});
            default -> Kernels.dense(StandardGate.RXX.matrix(0.3), new int[] {target, other});
        };
    }

    @Benchmark
    public FastState pass() {
        state.apply(kernel);
        return state;
    }
}
