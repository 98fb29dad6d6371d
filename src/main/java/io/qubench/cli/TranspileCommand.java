package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;
import io.qubench.transpile.CircuitStats;
import io.qubench.transpile.PhysicalQasm;
import io.qubench.transpile.TranspileOptions;
import io.qubench.transpile.TranspileReport;
import io.qubench.transpile.TranspileResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qubench transpile FILE --device NAME}: the circuit in a device's native gates on its physical qubits, with a report. */
@Command(name = "transpile", mixinStandardHelpOptions = true,
        description = "Transpile an OpenQASM circuit for a device: layout, SWAP routing, native gates, optimisation. "
                + "Prints OpenQASM 3 on physical qubits ($n) and a report.")
final class TranspileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
    Path file;

    @Option(names = "--device", required = true, description = "target device (see qubench devices)")
    String device;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the routing's choices (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-optimise", description = "skip the optimisation passes")
    boolean noOptimise;

    @Option(names = "--json", description = "print JSON: {\"qasm\": …, \"report\": …}")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Circuit circuit = QasmReader.read(file);
        TranspileResult result = DeviceOption.transpiler(device)
                .transpile(circuit, TranspileOptions.defaults().withSeed(seed).withOptimise(!noOptimise));
        String qasm = PhysicalQasm.write(result.isa());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("qasm", qasm);
            m.put("report", toJson(result.report()));
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.print(qasm);
            // The report as comments keeps the output a valid OpenQASM file.
            for (String line : result.report().toText().split("\n")) {
                out.println("// " + line);
            }
        }
        return 0;
    }

    /** The report as JSON fields (snake_case, as the other commands). */
    static Map<String, Object> toJson(TranspileReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", r.device());
        m.put("calibration", r.calibration());
        m.put("seed", r.seed());
        m.put("optimised", r.optimised());
        m.put("before", stats(r.before()));
        m.put("after", stats(r.after()));
        m.put("swaps", r.swaps());
        m.put("initial_layout", r.initialLayout());
        m.put("final_layout", r.finalLayout());
        m.put("estimated_success", r.estimatedSuccess());
        return m;
    }

    private static Map<String, Object> stats(CircuitStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("depth", s.depth());
        m.put("one_qubit_gates", s.oneQubitGates());
        m.put("two_qubit_gates", s.twoQubitGates());
        m.put("multi_qubit_gates", s.multiQubitGates());
        return m;
    }
}
