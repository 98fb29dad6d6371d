package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.noise.NoiseModel;
import io.qubench.qasm.QasmReader;
import io.qubench.sim.BenchmarkCircuits;
import io.qubench.sim.Engine;
import io.qubench.sim.Precision;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qubench bench}: times an engine on a benchmark circuit and reports seconds, gates per
 * second and the memory bandwidth one read-and-write sweep per gate would need at that speed,
 * beside this machine's measured copy bandwidth.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a simulation engine on GHZ, QFT, a random circuit or a file.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--circuit", defaultValue = "random",
            description = "ghz, qft, random (20 layers of rotations and cx/cz), clifford (10 random h/s/cx/cz per qubit) "
                    + "or an OpenQASM file (default ${DEFAULT-VALUE})")
    String circuitName;

    @Option(names = "--qubits", defaultValue = "20", description = "qubits of a generated circuit (default ${DEFAULT-VALUE})")
    int qubits;

    @Option(names = "--engine", defaultValue = "auto", completionCandidates = EngineNames.class,
            description = "engine: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--precision", defaultValue = "double", completionCandidates = PrecisionNames.class,
            description = PrecisionNames.DESCRIPTION)
    String precision;

    @Option(names = "--shots", defaultValue = "1000", description = "shots per run (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--repeat", defaultValue = "3", description = "timed runs; the median is reported (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--noise", description = NoiseOption.DESCRIPTION)
    String noise;

    @Option(names = "--emit", description = "print the benchmark circuit as OpenQASM 2 instead of timing it (to run it elsewhere)")
    boolean emit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || qubits < 1) {
            throw new UserInputException("--repeat and --qubits must be at least 1");
        }
        Precision amplitudes = Precision.named(precision);
        Circuit circuit = switch (circuitName) {
            case "ghz" -> BenchmarkCircuits.ghz(qubits);
            case "qft" -> BenchmarkCircuits.qft(qubits);
            case "random" -> BenchmarkCircuits.random(qubits, 2026);
            case "clifford" -> BenchmarkCircuits.clifford(qubits, 10 * qubits, 2026);
            default -> QasmReader.read(Path.of(circuitName));
        };
        if (emit) {
            spec.commandLine().getOut().print(io.qubench.qasm.QasmWriter.toQasm2(circuit));
            return 0;
        }
        NoiseModel noiseModel = NoiseOption.parse(noise);
        Simulator simulator = Engine.named(engine).simulatorFor(circuit, RunOptions.shots(shots, 1).withPrecision(amplitudes), noiseModel);
        int n = circuit.numQubits();
        int gates = circuit.inlined().gateCount();
        double[] seconds = new double[repeat];
        SimulationResult last = null;
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            last = simulator.run(circuit, RunOptions.shots(shots, 1 + r).withPrecision(amplitudes));
            seconds[r] = (System.nanoTime() - start) / 1e9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[repeat / 2];
        // Bandwidth figures only mean something for engines that sweep 2^n amplitudes.
        boolean sweeps = last.engine().equals("statevector") || last.engine().equals("reference");
        // Read and write every amplitude once: 2 × 16 B in double precision, 2 × 8 B in single.
        double sweepBytes = 2.0 * amplitudes.bytesPerAmplitude() * Math.pow(2, n);
        double copyGbs = sweeps ? copyBandwidth(n) : 0;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("circuit", circuitName);
        report.put("qubits", n);
        report.put("gates", gates);
        report.put("shots", shots);
        report.put("engine", last.engine());
        report.put("precision", amplitudes.cliName());
        report.put("seconds", round(median));
        report.put("seconds_best", round(sorted[0]));
        report.put("runs", Arrays.stream(seconds).map(BenchCommand::round).toArray());
        report.put("gates_per_second", Math.round(gates / median));
        if (sweeps) {
            report.put("equivalent_bandwidth_gbs", round(gates * sweepBytes / median / 1e9));
            report.put("copy_bandwidth_gbs", round(copyGbs));
        }
        report.put("threads", Runtime.getRuntime().availableProcessors());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report));
        } else {
            out.printf(Locale.ROOT, "%s-%d on %s%s: %.3f s median of %d (best %.3f s), %d gates, %.0f gates/s%n", circuitName, n,
                    last.engine(), amplitudes == Precision.SINGLE ? " in single precision" : "", median, repeat, sorted[0], gates,
                    gates / median);
            if (sweeps) {
                out.printf(Locale.ROOT, "  one sweep per gate would need %.1f GB/s; this machine copies at %.1f GB/s%n",
                        gates * sweepBytes / median / 1e9, copyGbs);
            }
        }
        return 0;
    }

    /** STREAM-style copy over all cores of two arrays the size of the state's real parts (at most 256 MiB each). */
    private static double copyBandwidth(int qubits) {
        int length = 1 << Math.min(Math.max(qubits, 20), 25);
        double[] a = new double[length];
        double[] b = new double[length];
        Arrays.fill(a, 1.0);
        Arrays.fill(b, 2.0);
        int threads = Runtime.getRuntime().availableProcessors();
        int chunk = length / threads;
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            IntStream.range(0, threads).parallel().forEach(t -> System.arraycopy(a, t * chunk, b, t * chunk, chunk));
            double s = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 2.0 * 8 * length / s / 1e9);
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
