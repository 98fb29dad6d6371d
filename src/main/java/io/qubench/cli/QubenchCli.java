package io.qubench.cli;

import java.io.PrintWriter;

import io.qubench.circuit.UserInputException;
import io.qubench.sim.MemoryGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qubench} command line: headless sub-commands over the same services the workbench uses. */
@Command(name = "qubench", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Design, simulate and run quantum circuits. Without a sub-command the workbench opens.",
        subcommands = {SimulateCommand.class, QasmCommand.class, DevicesCommand.class, TranspileCommand.class, BenchCommand.class,
                BackendsCommand.class, EstimateCommand.class, SubmitCommand.class, CredentialsCommand.class,
                JobsCommand.class, CancelCommand.class, HistoryCommand.class, SlisCommand.class, BudgetCommand.class,
                CommandLine.HelpCommand.class})
public final class QubenchCli {

    /** The user's input is wrong (bad QASM, bad option, a circuit too large). */
    public static final int EXIT_USER_ERROR = 2;
    /** Anything else: a bug or an environment failure. */
    public static final int EXIT_INTERNAL_ERROR = 1;

    private QubenchCli() {
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, false);
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter)}; with {@code restartsInChild}, a run
     * that fits the machine but not this JVM's heap is run again in a child JVM with more.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, boolean restartsInChild) {
        CommandLine cli = new CommandLine(new QubenchCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("qubench: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_USER_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof MemoryGuard.HeapTooSmallException heap && LargerHeap.allowed() && restartsInChild) {
                err.println("qubench: " + heap.getMessage() + "; running again with a " + MemoryGuard.human(heap.heapBytes()) + " heap");
                err.flush();
                return LargerHeap.run(heap.heapBytes(), args);
            }
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

    /** The process entry: standard streams, and a restart with a larger heap when a run needs one. */
    public static int run(String... args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true);
    }
}
