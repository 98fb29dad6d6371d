package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.job.Transition;
import io.qubench.qasm.QasmReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qubench submit FILE --backend NAME}: runs a circuit as a job on the local simulator or
 * a device emulator, kept in the history (job, charges, and the run when it ends). With
 * {@code --wait} it runs in this process and its counts and transitions are printed; without,
 * the job is kept QUEUED for {@code qubench jobs --run} (or cancel) to take up.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a circuit as a job to local or emulator:DEVICE, kept in the history. With --wait it runs here and "
                + "its counts and transitions are printed; without, it is kept queued (see qubench jobs).")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
    Path file;

    @Option(names = "--backend", required = true, paramLabel = "NAME", description = "local or emulator:DEVICE (see qubench backends)")
    String backend;

    @Option(names = "--shots", defaultValue = "1024", description = "number of shots (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--seed", description = "seed for reproducible sampling (default: random, printed)")
    Long seed;

    @Option(names = "--wait", description = "wait for the job to end and print its counts and transitions")
    boolean await;

    @Option(names = "--latency", paramLabel = "MS", defaultValue = "0",
            description = "simulated queue latency of the backend in milliseconds (default ${DEFAULT-VALUE})")
    long latencyMs;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "3600", description = "give up waiting after S seconds")
    long timeoutSeconds;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--pricing", paramLabel = "FILE", description = PricingOption.DESCRIPTION + "; the job is checked against "
            + "the budgets and charged at these prices")
    Path pricing;

    @Option(names = "--override-budget", description = "send it even when it would pass a budget or shot quota (see qubench budget); "
            + "the job records that it was overridden")
    boolean overrideBudget;

    @Override
    public Integer call() throws Exception {
        if (latencyMs < 0) {
            throw new UserInputException("--latency must be 0 or more milliseconds, not " + latencyMs);
        }
        Circuit circuit = QasmReader.read(file);
        ExecutorService executor = Executors.newFixedThreadPool(1, r -> {
            Thread t = new Thread(r, "qubench-job");
            t.setDaemon(true);
            return t;
        });
        HistoryDatabase db = dataDir.open();
        try (db) {
            try {
                SimulatedQueue queue = new SimulatedQueue(Duration.ofMillis(latencyMs), Duration.ZERO);
                // Not waited for, the job is not started here: a local job would die with this process.
                // Kept queued, it waits for a process that stays (qubench jobs --run).
                Executor runsHere = await ? executor : task -> { };
                JobService jobs = HistoryJobs.service(db, queue, runsHere, PricingOption.load(pricing));
                JobOptions options = (seed == null ? JobOptions.defaults() : JobOptions.defaults().withSeed(seed))
                        .withBudgetOverride(overrideBudget);
                JobRecord job = jobs.submit(circuit, backend, shots, options);
                if (!await) {
                    print(job);
                    spec.commandLine().getErr().println("job " + job.id() + " is kept " + job.state() + " in " + db.file()
                            + "; qubench jobs --run runs the queued jobs here (qubench cancel " + job.id() + " cancels it)");
                    return 0;
                }
                try {
                    job = jobs.await(job.id(), Duration.ofSeconds(timeoutSeconds));
                } catch (TimeoutException e) {
                    jobs.cancel(job.id());
                    throw new UserInputException("job " + job.id() + " did not end within " + timeoutSeconds + " s; cancelled");
                }
                print(job);
                if (job.state() != JobState.COMPLETED) {
                    spec.commandLine().getErr().println("job " + job.id() + " " + job.state() + ": " + job.reason());
                    return QubenchCli.EXIT_USER_ERROR;
                }
                return 0;
            } finally {
                // Stopped before the history closes: a job still moving must not write to a closed database.
                executor.shutdownNow();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    private void print(JobRecord job) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", job.id());
            m.put("backend", job.backend() != null ? job.backend() : job.backends().getFirst());
            m.put("state", job.state().name());
            m.put("shots", job.shots());
            m.put("seed", job.options().seed());
            m.put("counts", job.counts());
            List<Map<String, Object>> transitions = new ArrayList<>();
            for (Transition t : job.transitions()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", t.from() == null ? null : t.from().name());
                row.put("to", t.to().name());
                row.put("at", t.at().toString());
                row.put("reason", t.reason());
                transitions.add(row);
            }
            m.put("transitions", transitions);
            m.put("estimated_cost", job.estimatedCost());
            m.put("charged", job.charged());
            m.put("reason", job.reason());
            m.put("notes", job.notes());
            m.put("budget_override", job.options().budgetOverride());
            out.println(new ObjectMapper().writeValueAsString(m));
            return;
        }
        out.printf(Locale.ROOT, "job %s on %s: %s, %d shots, seed %d%s%n", job.id(),
                job.backend() != null ? job.backend() : job.backends().getFirst(), job.state(), job.shots(), job.options().seed(),
                job.options().budgetOverride() ? ", budgets overridden" : "");
        int width = job.counts().keySet().stream().mapToInt(String::length).max().orElse(4);
        job.counts().forEach((key, count) -> {
            double p = (double) count / job.shots();
            out.printf(Locale.ROOT, "%-" + width + "s %8d  %6.4f  %s%n", key, count, p, "#".repeat((int) Math.round(p * 40)));
        });
        out.println("transitions:");
        for (Transition t : job.transitions()) {
            out.printf(Locale.ROOT, "  %s  %-10s %s%n", t.at(), t.to(), t.reason());
        }
    }
}
