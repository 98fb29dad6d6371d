package io.qubench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.history.Provenance;
import io.qubench.history.RunQuery;
import io.qubench.history.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qubench history}: the runs kept, newest first; {@code history show ID}: one run's counts and provenance. */
@Command(name = "history", mixinStandardHelpOptions = true, subcommands = HistoryCommand.Show.class,
        description = "List the runs kept in the history, newest first; history show ID prints one with its counts and provenance.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "the newest N runs (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new UserInputException("--limit must be 1 or more, not " + limit);
        }
        List<RunRecord> runs;
        try (HistoryDatabase db = dataDir.open()) {
            runs = db.runs().list(RunQuery.newest(limit));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RunRecord r : runs) {
                rows.add(summary(r));
            }
            out.println(new ObjectMapper().writeValueAsString(rows));
            return 0;
        }
        if (runs.isEmpty()) {
            out.println("no runs in the history");
            return 0;
        }
        out.printf(Locale.ROOT, "%-44s %-30s %-22s %7s  %s%n", "RUN", "SUBMITTED", "BACKEND", "SHOTS", "");
        for (RunRecord r : runs) {
            Provenance p = r.provenance();
            out.printf(Locale.ROOT, "%-44s %-30s %-22s %7d  %s%n", r.id(), p.submittedAt(), p.backend(), r.result().totalShots(),
                    r.result().partial() ? "partial" : "");
        }
        return 0;
    }

    private static Map<String, Object> summary(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", r.id());
        m.put("job", r.jobId().orElse(null));
        m.put("backend", r.provenance().backend());
        m.put("submitted_at", r.provenance().submittedAt().toString());
        m.put("completed_at", r.provenance().completedAt().toString());
        m.put("shots", r.result().totalShots());
        m.put("partial", r.result().partial());
        return m;
    }

    /** {@code qubench history show ID}: a run (by its id or its job's) with counts and full provenance. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print one run, by run or job id, with its counts and provenance.")
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Parameters(index = "0", paramLabel = "ID", description = "a run id, or the id of the job it came from")
        String id;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RunRecord run;
            try (HistoryDatabase db = dataDir.open()) {
                run = db.runs().find(id).or(() -> db.runs().findByJob(id))
                        .orElseThrow(() -> new UserInputException("no run " + id + " in the history (qubench history lists them)"));
            }
            PrintWriter out = spec.commandLine().getOut();
            Provenance p = run.provenance();
            if (json) {
                Map<String, Object> m = summary(run);
                m.put("counts", run.result().counts());
                Map<String, Object> prov = new LinkedHashMap<>();
                prov.put("circuit_hash", run.circuit().hash());
                prov.put("circuit", run.circuit().text());
                prov.put("backend", p.backend());
                prov.put("calibration_id", p.calibrationId().orElse(null));
                prov.put("transpiler_settings", p.transpilerSettings());
                prov.put("shots", p.shots());
                prov.put("seed", p.seed().orElse(null));
                prov.put("app_version", p.appVersion());
                prov.put("submitted_at", p.submittedAt().toString());
                prov.put("completed_at", p.completedAt().toString());
                m.put("provenance", prov);
                out.println(new ObjectMapper().writeValueAsString(m));
                return 0;
            }
            out.printf(Locale.ROOT, "run %s%s%n", run.id(), run.jobId().map(j -> " (job " + j + ")").orElse(""));
            out.printf(Locale.ROOT, "  backend      %s%n  calibration  %s%n  transpiler   %s%n  shots        %d asked, %d returned%s%n",
                    p.backend(), p.calibrationId().orElse("none"), p.transpilerSettings(), p.shots(), run.result().totalShots(),
                    run.result().partial() ? " (partial)" : "");
            out.printf(Locale.ROOT, "  seed         %s%n  version      %s%n  submitted    %s%n  completed    %s%n  circuit      %s%n",
                    p.seed().map(String::valueOf).orElse("none"), p.appVersion(), p.submittedAt(), p.completedAt(), run.circuit().hash());
            int width = run.result().counts().keySet().stream().mapToInt(String::length).max().orElse(4);
            int total = Math.max(1, run.result().totalShots());
            run.result().counts().forEach((key, count) -> out.printf(Locale.ROOT, "%-" + width + "s %8d  %6.4f%n", key, count,
                    (double) count / total));
            out.print(run.circuit().text());
            return 0;
        }
    }
}
