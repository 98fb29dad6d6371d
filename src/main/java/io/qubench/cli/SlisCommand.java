package io.qubench.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.BackendName;
import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.history.ServiceLevel;
import io.qubench.history.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qubench slis}: service levels per backend over the last days, from the jobs and runs in the history. */
@Command(name = "slis", mixinStandardHelpOptions = true,
        description = "Service levels per backend over the last N days: success rate, orchestration latency, queue wait, "
                + "execution time (median and p95), cost per successful result, partial-result rate, provenance completeness.")
final class SlisCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--backend", paramLabel = "NAME", description = "only this backend")
    String backend;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", description = "jobs created in the last N days (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new UserInputException("--days must be 1 or more, not " + days);
        }
        Optional<String> only = Optional.ofNullable(backend).map(b -> BackendName.parse(b).toString());
        Instant now = Instant.now();
        TimeRange period = new TimeRange(now.minus(Duration.ofDays(days)), now.plusNanos(1));
        List<ServiceLevel> levels;
        try (HistoryDatabase db = dataDir.open()) {
            levels = db.serviceLevels().per(period, only);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ServiceLevel l : levels) {
                rows.add(row(l));
            }
            out.println(new ObjectMapper().writeValueAsString(rows));
            return 0;
        }
        if (levels.isEmpty()) {
            out.println("no jobs or runs in the last " + days + " days" + only.map(b -> " on " + b).orElse(""));
            return 0;
        }
        for (ServiceLevel l : levels) {
            out.printf(Locale.ROOT, "%s: %d jobs (%d completed, %d partial, %d failed, %d cancelled), last %d days%n", l.backend(), l.jobs(),
                    l.completed(), l.partial(), l.failed(), l.cancelled(), days);
            out.printf(Locale.ROOT, "  success rate            %s%n", percent(l.successRate()));
            out.printf(Locale.ROOT, "  orchestration latency   %s%n", latency(l.orchestration()));
            out.printf(Locale.ROOT, "  queue wait              %s%n", latency(l.queueWait()));
            out.printf(Locale.ROOT, "  execution time          %s%n", latency(l.execution()));
            out.printf(Locale.ROOT, "  cost per success        %s (total $%.4f)%n",
                    l.costPerSuccess().isPresent() ? String.format(Locale.ROOT, "$%.4f", l.costPerSuccess().getAsDouble()) : "n/a", l.cost());
            out.printf(Locale.ROOT, "  partial-result rate     %s%n", percent(l.partialRate()));
            out.printf(Locale.ROOT, "  provenance complete     %s of %d runs%n", percent(l.provenanceCompleteness()), l.runs());
        }
        return 0;
    }

    private static Map<String, Object> row(ServiceLevel l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", l.backend());
        m.put("from", l.period().from().toString());
        m.put("until", l.period().until().toString());
        m.put("jobs", l.jobs());
        m.put("completed", l.completed());
        m.put("partial", l.partial());
        m.put("failed", l.failed());
        m.put("cancelled", l.cancelled());
        m.put("success_rate", value(l.successRate()));
        m.put("orchestration_ms", latencyJson(l.orchestration()));
        m.put("queue_wait_ms", latencyJson(l.queueWait()));
        m.put("execution_ms", latencyJson(l.execution()));
        m.put("cost", l.cost());
        m.put("cost_per_success", value(l.costPerSuccess()));
        m.put("partial_rate", value(l.partialRate()));
        m.put("runs", l.runs());
        m.put("provenance_completeness", value(l.provenanceCompleteness()));
        return m;
    }

    private static Map<String, Object> latencyJson(ServiceLevel.Latency l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", l.median().map(d -> d.toNanos() / 1e6).orElse(null));
        m.put("p95", l.p95().map(d -> d.toNanos() / 1e6).orElse(null));
        return m;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f %%", 100 * v.getAsDouble()) : "n/a";
    }

    private static String latency(ServiceLevel.Latency l) {
        if (l.count() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "p50 %s, p95 %s over %d jobs", human(l.median().orElseThrow()), human(l.p95().orElseThrow()),
                l.count());
    }

    private static String human(Duration d) {
        double ms = d.toNanos() / 1e6;
        return ms < 1000 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
}
