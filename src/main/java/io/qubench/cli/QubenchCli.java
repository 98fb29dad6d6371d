package io.qubench.cli;

import java.io.PrintWriter;

import io.qubench.circuit.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qubench} command line: headless sub-commands over the same services the workbench uses. */
@Command(name = "qubench", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Design, simulate and run quantum circuits. Without a sub-command the workbench opens.",
        subcommands = {SimulateCommand.class, QasmCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class QubenchCli {

    /** The user's input is wrong (bad QASM, bad option, a circuit too large). */
    public static final int EXIT_USER_ERROR = 2;
    /** Anything else: a bug or an environment failure. */
    public static final int EXIT_INTERNAL_ERROR = 1;

    private QubenchCli() {
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QubenchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("qubench: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_USER_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserInputException user) {
                err.println(user.getMessage());
                return EXIT_USER_ERROR;
            }
            err.println("qubench: internal error: " + ex);
            return EXIT_INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static int run(String... args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
}
