package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.qubench.backend.local.DeviceEmulation;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.noise.NoiseModel;
import io.qubench.qasm.QasmReader;
import io.qubench.sim.Engine;
import io.qubench.sim.PauliString;
import io.qubench.sim.Precision;
import io.qubench.sim.ResultWithExpectations;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import io.qubench.sim.density.DensityMatrixSimulator;
import io.qubench.sim.stabilizer.StabilizerSimulator;
import io.qubench.sim.statevector.StateVectorSimulator;
import io.qubench.sim.trajectory.TrajectorySimulator;
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

    @Option(names = "--expect", split = ",", paramLabel = "PAULI",
            description = "also print the expectation value of each Pauli string (letters I X Y Z, qubit 0 rightmost, "
                    + "e.g. ZZ,XX; a shorter one leaves the higher qubits alone) in the state before the final measurements: "
                    + "exact in the ideal one, or with --noise in the noisy density matrix; a noisy run on the trajectory "
                    + "engine estimates it over its shots' trajectories, with the standard error")
    List<String> expect = List.of();

    private DeviceEmulation.Prepared prepared;
    private Map<String, Double> expectations = Map.of();
    /** Set when the values are estimated over trajectories: each one's standard error. */
    private Map<String, Double> standardErrors = Map.of();

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
        List<PauliString> paulis = parsePaulis(circuit, options, noiseModel);
        if (device != null) {
            prepared = DeviceOption.prepare(device, circuit, shots, transpileSeed);
            circuit = prepared.circuit();
            noiseModel = prepared.noise();
        }
        Simulator simulator = Engine.named(engine).simulatorFor(circuit, options, noiseModel);
        SimulationResult result;
        expectations = new LinkedHashMap<>();
        if (paulis.isEmpty()) {
            result = simulator.run(circuit, options);
        } else if (estimatedOverTrajectories(simulator)) {
            // Estimated from the very trajectories the counts are sampled from: one pass.
            TrajectorySimulator.Run run = ((TrajectorySimulator) simulator).runWithExpectations(circuit, options, paulis);
            result = run.result();
            standardErrors = new LinkedHashMap<>();
            for (int k = 0; k < paulis.size(); k++) {
                expectations.put(paulis.get(k).toString(), run.expectations().get(k).value());
                standardErrors.put(paulis.get(k).toString(), run.expectations().get(k).standardError());
            }
        } else {
            ResultWithExpectations run = runWithExactExpectations(simulator, circuit, options, paulis, noiseModel);
            result = run.result();
            for (int k = 0; k < paulis.size(); k++) {
                expectations.put(paulis.get(k).toString(), run.expectations()[k]);
            }
        }
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

    /**
     * The counts and the exact values of the state they come from: read from it in the same run
     * where the engine holds it (ρ, the ideal state vector or the tableau), else (the reference
     * engine, or trajectories without noise) from a second, state-vector or density-matrix pass.
     */
    private ResultWithExpectations runWithExactExpectations(Simulator simulator, Circuit circuit, RunOptions options,
            List<PauliString> paulis, NoiseModel noiseModel) {
        if (simulator instanceof DensityMatrixSimulator density) {
            return density.runWithExpectations(circuit, options, paulis);
        }
        if (simulator instanceof StateVectorSimulator statevector && noise == null) {
            return statevector.runWithExpectations(circuit, options, paulis);
        }
        if (simulator instanceof StabilizerSimulator stabilizer) {
            return stabilizer.runWithExpectations(circuit, options, paulis);
        }
        SimulationResult counts = simulator.run(circuit, options);
        double[] values = noise != null ? new DensityMatrixSimulator(noiseModel).expectations(circuit, options, paulis)
                : new StateVectorSimulator().expectations(circuit, options, paulis);
        return new ResultWithExpectations(counts, values);
    }

    /**
     * Whether a noisy run's expectation values are estimated over trajectories rather than exact
     * from ρ: when its counts come from the trajectory engine (auto picks it above 12 qubits, where
     * ρ grows past 256 MiB).
     */
    private boolean estimatedOverTrajectories(Simulator simulator) {
        return noise != null && simulator instanceof TrajectorySimulator;
    }

    /** The --expect strings, refused before anything runs when malformed, too long, asked of a device run or of too few trajectories. */
    private List<PauliString> parsePaulis(Circuit circuit, RunOptions options, NoiseModel noiseModel) {
        if (expect.isEmpty()) {
            return List.of();
        }
        if (device != null) {
            throw new UserInputException("--expect cannot be combined with --device: give the noise with --noise instead");
        }
        if (estimatedOverTrajectories(Engine.named(engine).simulatorFor(circuit, options, noiseModel))) {
            if (shots < 2) {
                throw new UserInputException("--expect on the trajectory engine estimates over the shots' trajectories: "
                        + "give --shots 2 or more, not " + shots);
            }
        } else if (noise != null) {
            DensityMatrixSimulator.requireExpectationsFit(circuit.numQubits());
        }
        try {
            ShotRunner.requireFinalState(circuit);
            List<PauliString> paulis = new ArrayList<>();
            for (String text : expect) {
                paulis.add(PauliString.parse(text).requireFits(circuit.numQubits()));
            }
            return paulis;
        } catch (UserInputException e) {
            throw new UserInputException("--expect: " + e.getMessage());
        }
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
        if (!expectations.isEmpty()) {
            m.put("expectations", expectations);
        }
        if (!standardErrors.isEmpty()) {
            m.put("expectation_standard_errors", standardErrors);
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
        if (!expectations.isEmpty()) {
            out.println(!standardErrors.isEmpty()
                    ? "expectation values, mean over " + r.shots() + " noisy trajectories ± standard error, in the state before the "
                            + "final measurements (readout errors not included):"
                    : noise != null
                            ? "expectation values, exact, in the noisy state before the final measurements (readout errors not included):"
                            : "expectation values, exact, in the ideal state before the final measurements:");
            int letters = expectations.keySet().stream().mapToInt(String::length).max().orElse(1);
            // Rounding noise of a zero would print as -0.000000.
            expectations.forEach((pauli, value) -> out.printf(java.util.Locale.ROOT, "  <%-" + letters + "s>  %+.6f%s%n", pauli,
                    Math.abs(value) < 5e-7 ? 0.0 : value,
                    standardErrors.containsKey(pauli) ? String.format(java.util.Locale.ROOT, " ± %.6f", standardErrors.get(pauli)) : ""));
        }
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
