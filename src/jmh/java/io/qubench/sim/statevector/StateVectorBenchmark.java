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

import io.qubench.circuit.Circuit;
import io.qubench.sim.BenchmarkCircuits;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;

/** Whole simulations of the benchmark circuits (1,000 shots), by size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StateVectorBenchmark {

    @Param({"20", "24"})
    public int qubits;

    @Param({"ghz", "qft", "random"})
    public String circuit;

    private Circuit built;
    private final StateVectorSimulator simulator = new StateVectorSimulator();

    @Setup
    public void build() {
        built = switch (circuit) {
            case "ghz" -> BenchmarkCircuits.ghz(qubits);
            case "qft" -> BenchmarkCircuits.qft(qubits);
            default -> BenchmarkCircuits.random(qubits, 2026);
        };
    }

    @Benchmark
    public SimulationResult simulate() {
        return simulator.run(built, RunOptions.shots(1000, 1));
    }
}
