package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.backend.local.DeviceEmulation;
import io.qubench.circuit.Circuit;
import io.qubench.noise.NoiseModel;
import io.qubench.qasm.QasmReader;
import io.qubench.sim.Engine;
import io.qubench.sim.Precision;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qubench simulate FILE}: simulates a circuit locally and prints the counts. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate an OpenQASM circuit on this machine and print the measured counts.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
    Path file;

    @Option(names = "--shots", defaultValue = "1024", description = "number of shots (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--seed", description = "seed for reproducible sampling (default: random, printed)")
    Long seed;

    @Option(names = "--statevector", description = "also print the final state vector")
    boolean statevector;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Option(names = "--engine", defaultValue = "auto",
            description = "simulation engine: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: chosen by circuit)",
            completionCandidates = EngineNames.class)
    String engine;

    @Option(names = "--precision", defaultValue = "double", completionCandidates = PrecisionNames.class,
            description = PrecisionNames.DESCRIPTION)
    String precision;

    @Option(names = "--noise", description = NoiseOption.DESCRIPTION)
    String noise;

    @Option(names = "--device", description = "transpile for a device (see qubench devices) and emulate its noise "
            + "from its calibration snapshot on the device qubits chosen")
    String device;

    @Option(names = "--transpile-seed", defaultValue = "0",
            description = "with --device: seed of the routing's choices (default ${DEFAULT-VALUE})")
    long transpileSeed;

    private DeviceEmulation.Prepared prepared;

    @Override
    public Integer call() throws Exception {
        if (shots < 0) {
            throw new io.qubench.circuit.UserInputException("--shots must be 0 or more, not " + shots);
        }
        Precision amplitudes = Precision.named(precision);
        long start = System.nanoTime();
        Circuit circuit = QasmReader.read(file);
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48);
        RunOptions options = RunOptions.shots(shots, actualSeed).withStatevector(statevector).withPrecision(amplitudes);
        if (noise != null && device != null) {
            throw new io.qubench.circuit.UserInputException("give either --noise or --device, not both");
        }
        NoiseModel noiseModel = NoiseOption.parse(noise);
        if (device != null) {
            prepared = DeviceOption.prepare(device, circuit, shots, transpileSeed);
            circuit = prepared.circuit();
            noiseModel = prepared.noise();
        }
        Simulator simulator = Engine.named(engine).simulatorFor(circuit, options, noiseModel);
        SimulationResult result = simulator.run(circuit, options);
        double elapsedMs = (System.nanoTime() - start) / 1e6;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // Made here, not when the command is: Jackson's set-up cost ~40 ms of every run's start.
            ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            out.println(mapper.writeValueAsString(toJson(result, elapsedMs, amplitudes)));
        } else {
            printTable(out, result, elapsedMs, amplitudes);
        }
        return 0;
    }

    private Map<String, Object> toJson(SimulationResult r, double elapsedMs, Precision amplitudes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qubits", r.qubits());
        m.put("clbits", r.clbits());
        m.put("shots", r.shots());
        m.put("seed", r.seed());
        m.put("counts", r.counts());
        m.put("elapsed_ms", Math.round(elapsedMs * 1000) / 1000.0);
        m.put("engine", r.engine());
        m.put("precision", amplitudes.cliName());
        if (device != null) {
            m.put("device", device);
            m.put("transpile", TranspileCommand.toJson(prepared.transpiled().report()));
        }
        if (r.implicitMeasurement() || (prepared != null && prepared.measuredAll())) {
            m.put("measured", "all qubits (the circuit has no measurement)");
        }
        if (r.statevector() != null) {
            double[] sv = r.statevector();
            double[][] pairs = new double[sv.length / 2][];
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = new double[] {sv[2 * i], sv[2 * i + 1]};
            }
            m.put("statevector", pairs);
        }
        return m;
    }

    private void printTable(PrintWriter out, SimulationResult r, double elapsedMs, Precision amplitudes) {
        out.printf("%s: %d qubits, %d clbits, %d shots, seed %d, %s engine%s, %.1f ms%n", file, r.qubits(), r.clbits(),
                r.shots(), r.seed(), r.engine(), amplitudes == Precision.SINGLE ? " in single precision" : "", elapsedMs);
        if (r.implicitMeasurement() || (prepared != null && prepared.measuredAll())) {
            out.println("(no measurement in the circuit: all qubits sampled, qubit 0 rightmost)");
        }
        if (prepared != null) {
            var report = prepared.transpiled().report();
            out.printf(java.util.Locale.ROOT, "transpiled for %s: %d two-qubit gates, %d swaps, layout %s, estimated success %.4f%n",
                    device, report.after().twoQubitGates(), report.swaps(), report.initialLayout(), report.estimatedSuccess());
        }
        int width = r.counts().keySet().stream().mapToInt(String::length).max().orElse(4);
        r.counts().forEach((key, count) -> out.print(CountsTable.row(key, width, count, r.shots())));
        if (r.statevector() != null) {
            out.println("state vector (index bit k = qubit k):");
            double[] sv = r.statevector();
            int n = r.qubits();
            for (int i = 0; i < sv.length / 2; i++) {
                if (Math.hypot(sv[2 * i], sv[2 * i + 1]) > 1e-12) {
                    String basis = String.format("%" + Math.max(n, 1) + "s", Integer.toBinaryString(i)).replace(' ', '0');
                    out.printf("  |%s>  %+.6f %+.6fi%n", basis, sv[2 * i], sv[2 * i + 1]);
                }
            }
        }
    }
}
