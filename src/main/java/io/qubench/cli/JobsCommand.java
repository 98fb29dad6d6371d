package io.qubench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.history.RunRecorder;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qubench jobs}: the jobs kept in the history, newest last, with state, backend and age; {@code --run} runs the queued ones. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List the jobs kept in the history (state, backend, age), newest last. --run first runs here the jobs "
                + "left queued (qubench submit without --wait) and waits for them.")
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "at most the newest N jobs (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--run", description = "run the queued jobs here first, and wait for them")
    boolean run;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "3600", description = "with --run: give up waiting after S seconds")
    long timeoutSeconds;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UserInputException("--limit must be 1 or more, not " + limit);
        }
        try (HistoryDatabase db = dataDir.open()) {
            if (run) {
                runQueued(db);
            }
            print(db.jobs().newest(limit));
        }
        return 0;
    }

    private void runQueued(HistoryDatabase db) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            JobService jobs = HistoryJobs.service(db, SimulatedQueue.NONE, executor);
            List<JobRecord> waiting = db.jobs().unsettled();
            jobs.recover();
            for (JobRecord j : waiting) {
                try {
                    jobs.await(j.id(), Duration.ofSeconds(timeoutSeconds));
                } catch (TimeoutException e) {
                    throw new UserInputException("job " + j.id() + " did not end within " + timeoutSeconds
                            + " s; it stays in the history as it is");
                }
            }
            // Jobs whose process stopped between storing their end and recording their run.
            new RunRecorder(db, AppVersion.current()).catchUp(db.jobs());
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void print(List<JobRecord> jobs) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JobRecord j : jobs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("job", j.id());
                m.put("state", j.state().name());
                m.put("backend", backend(j));
                m.put("shots", j.shots());
                m.put("shots_completed", j.shotsCompleted());
                m.put("created_at", j.createdAt().toString());
                m.put("age_seconds", Math.max(0, j.age(now).toSeconds()));
                m.put("charged", j.charged());
                m.put("reason", j.reason());
                rows.add(m);
            }
            out.println(new ObjectMapper().writeValueAsString(rows));
            return;
        }
        if (jobs.isEmpty()) {
            out.println("no jobs in the history");
            return;
        }
        out.printf(Locale.ROOT, "%-40s %-10s %-22s %8s  %s%n", "JOB", "STATE", "BACKEND", "AGE", "REASON");
        for (JobRecord j : jobs) {
            out.printf(Locale.ROOT, "%-40s %-10s %-22s %8s  %s%n", j.id(), j.state(), backend(j), HistoryJobs.age(j.age(now)), j.reason());
        }
    }

    private static String backend(JobRecord j) {
        return j.backend() != null ? j.backend() : j.backends().getFirst();
    }
}
