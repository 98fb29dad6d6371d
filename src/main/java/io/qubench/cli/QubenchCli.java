package io.qubench.cli;

import java.io.PrintWriter;
import java.util.List;

import io.qubench.circuit.UserInputException;
import io.qubench.sim.MemoryGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qubench} command line: headless sub-commands over the same services the workbench uses. */
@Command(name = "qubench", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Design, simulate and run quantum circuits. Without a sub-command the workbench opens.")
public final class QubenchCli {

    /** The sub-commands, in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(SimulateCommand.class, QasmCommand.class, DevicesCommand.class,
            TranspileCommand.class, BenchCommand.class, BackendsCommand.class, EstimateCommand.class, SubmitCommand.class,
            CredentialsCommand.class, JobsCommand.class, CancelCommand.class, HistoryCommand.class, SlisCommand.class,
            BudgetCommand.class, CommandLine.HelpCommand.class);

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
        CommandLine cli = commandLine(args);
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

    /**
     * The command line with only the sub-command {@code args} names, or with all of them (for
     * help, the usage and errors): building all fifteen (their options by reflection, their
     * static parts such as Jackson's mapper) took 0.3–0.5 s of every run's start here.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new QubenchCli());
        String named = args.length > 0 ? args[0] : "";
        // "help" names the help command, which needs every other one to describe.
        List<Class<?>> wanted = named.equals("help") ? List.of()
                : SUBCOMMANDS.stream().filter(c -> name(c).equals(named)).toList();
        for (Class<?> c : wanted.isEmpty() ? SUBCOMMANDS : wanted) {
            cli.addSubcommand(name(c), instance(c));
        }
        return cli;
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** As picocli makes sub-commands: its default factory reaches private constructors too. */
    private static Object instance(Class<?> c) {
        try {
            return CommandLine.defaultFactory().create(c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the sub-command " + c.getName(), e);
        }
    }

    /** The process entry: standard streams, and a restart with a larger heap when a run needs one. */
    public static int run(String... args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true);
    }
}
