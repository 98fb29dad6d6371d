package io.qubench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;
import io.qubench.qasm.QasmWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qubench qasm FILE}: validates a circuit and prints it back as OpenQASM 2 or 3. */
@Command(name = "qasm", mixinStandardHelpOptions = true,
        description = "Validate an OpenQASM file and print the circuit as OpenQASM 2 or 3.")
final class QasmCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
    Path file;

    @Option(names = "--to", defaultValue = "3", description = "OpenQASM version to print: 2 or 3 (default ${DEFAULT-VALUE})")
    int version;

    @Override
    public Integer call() {
        if (version != 2 && version != 3) {
            throw new io.qubench.circuit.UserInputException("--to must be 2 or 3, not " + version);
        }
        Circuit circuit = QasmReader.read(file);
        spec.commandLine().getOut().print(version == 2 ? QasmWriter.toQasm2(circuit) : QasmWriter.toQasm3(circuit));
        return 0;
    }
}
