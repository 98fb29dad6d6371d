package io.qubench.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.job.Budget;
import io.qubench.job.BudgetFile;
import io.qubench.job.BudgetPeriod;
import io.qubench.job.Budgets;
import io.qubench.job.BurnRate;
import io.qubench.job.CostLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qubench budget}: the spending limits and shot quotas, per provider and period, that
 * {@code submit} holds a job to (kept in budgets.json in the data directory), and how they stand
 * against the history's cost ledger.
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Budgets and shot quotas per provider and period, which submit refuses to pass without --override-budget: "
                + "set, list, remove.",
        subcommands = {BudgetCommand.Set.class, BudgetCommand.ListBudgets.class, BudgetCommand.Remove.class})
final class BudgetCommand {

    /** The recent spend the burn rate is measured over. */
    static final Duration BURN_WINDOW = Duration.ofDays(7);

    private BudgetCommand() {
    }

    static String checkProvider(String provider) {
        if (!BudgetFile.PROVIDERS.contains(provider)) {
            throw new UserInputException("unknown provider '" + provider + "' for a budget: choose one of "
                    + String.join(", ", BudgetFile.PROVIDERS) + " (* for all providers together)");
        }
        return provider;
    }

    static BudgetPeriod checkPeriod(String period) {
        BudgetPeriod p = BudgetFile.period(period);
        if (p == null) {
            throw new UserInputException("--period must be day, week or month, not '" + period + "'");
        }
        return p;
    }

    static String describe(Budget b) {
        return "the " + b.period().adjective() + " budget for " + (b.provider().equals("*") ? "all providers" : b.provider());
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set (or replace) the budget of a provider (ibm, ionq, braket, or * for all) for a period: a limit in "
                    + "US dollars, a shot quota, or both.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Parameters(index = "0", paramLabel = "PROVIDER", description = "ibm, ionq, braket, or * for all providers together")
        String provider;

        @Option(names = "--period", required = true, paramLabel = "day|week|month", description = "UTC day, week from Monday, month from the 1st")
        String period;

        @Option(names = "--limit", paramLabel = "USD", description = "most to spend in the period, in US dollars")
        Double limit;

        @Option(names = "--shots", paramLabel = "N", description = "most shots to run in the period")
        Long shots;

        @Override
        public Integer call() {
            checkProvider(provider);
            BudgetPeriod p = checkPeriod(period);
            if (limit == null && shots == null) {
                throw new UserInputException("give --limit USD, --shots N or both");
            }
            if (limit != null && !(limit >= 0 && limit < Double.POSITIVE_INFINITY)) {
                throw new UserInputException("--limit must be 0 or more US dollars, not " + limit);
            }
            if (shots != null && shots < 0) {
                throw new UserInputException("--shots must be 0 or more, not " + shots);
            }
            Budget budget = new Budget(provider, p, limit == null ? Budget.NO_LIMIT : limit, shots == null ? Budget.NO_QUOTA : shots);
            BudgetFile file = new BudgetFile(dataDir.path());
            file.save(file.load().with(budget));
            spec.commandLine().getOut().printf(Locale.ROOT, "%s is now %s (kept in %s)%n", describe(budget), limits(budget), file.path());
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the budget of a provider for a period.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Parameters(index = "0", paramLabel = "PROVIDER", description = "ibm, ionq, braket, or *")
        String provider;

        @Option(names = "--period", required = true, paramLabel = "day|week|month", description = "the budget's period")
        String period;

        @Override
        public Integer call() {
            checkProvider(provider);
            BudgetPeriod p = checkPeriod(period);
            BudgetFile file = new BudgetFile(dataDir.path());
            Budgets before = file.load();
            Budgets after = before.without(provider, p);
            String which = describe(new Budget(provider, p, 0, 0));
            if (after.all().size() == before.all().size()) {
                throw new UserInputException("there is no " + which.substring("the ".length()) + " in " + file.path());
            }
            file.save(after);
            spec.commandLine().getOut().println(which + " is removed");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Each budget with what is spent and how many shots are used this period (from the history's ledger), "
                    + "the burn rate over the last 7 days, the forecast for the period's end and when it would run out.")
    static final class ListBudgets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataDirOption dataDir;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Budgets budgets = new BudgetFile(dataDir.path()).load();
            PrintWriter out = spec.commandLine().getOut();
            if (budgets.all().isEmpty()) {
                if (json) {
                    out.println("[]");
                } else {
                    out.println("no budgets; set one with qubench budget set PROVIDER --period day|week|month --limit USD");
                }
                return 0;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (HistoryDatabase db = dataDir.open()) {
                CostLedger ledger = db.ledger();
                Instant now = Clock.systemUTC().instant();
                for (Budget b : budgets.all()) {
                    rows.add(standing(b, ledger, now));
                }
            }
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(rows));
                return 0;
            }
            for (int i = 0; i < rows.size(); i++) {
                Budget b = budgets.all().get(i);
                Map<String, Object> r = rows.get(i);
                out.printf(Locale.ROOT, "%s (%s): $%.4f spent, %d shots used since %s%n", describe(b), limits(b), r.get("spent_usd"),
                        r.get("shots_used"), r.get("period_start"));
                out.printf(Locale.ROOT, "  burn $%.4f/day over the last %d days; forecast $%.4f by %s; %s%n", r.get("burn_usd_per_day"),
                        BURN_WINDOW.toDays(), r.get("forecast_usd"), r.get("period_end"),
                        r.get("runs_out_at") == null ? "does not run out this period at this pace" : "runs out at " + r.get("runs_out_at"));
            }
            return 0;
        }

        private static Map<String, Object> standing(Budget b, CostLedger ledger, Instant now) {
            Instant start = b.period().start(now);
            BurnRate burn = BurnRate.over(ledger, b.provider(), BURN_WINDOW, now);
            Optional<Instant> out = b.limitUsd() == Budget.NO_LIMIT ? Optional.empty() : burn.exhaustion(b, ledger, now);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", b.provider());
            m.put("period", b.period().name().toLowerCase(Locale.ROOT));
            m.put("limit_usd", b.limitUsd() == Budget.NO_LIMIT ? null : b.limitUsd());
            m.put("shot_quota", b.shotQuota() == Budget.NO_QUOTA ? null : b.shotQuota());
            m.put("period_start", start.toString());
            m.put("period_end", b.period().end(now).toString());
            m.put("spent_usd", ledger.spentSince(b.provider(), start));
            m.put("shots_used", ledger.shotsSince(b.provider(), start));
            m.put("burn_usd_per_day", burn.perDay());
            m.put("forecast_usd", burn.forecastForPeriod(b, ledger, now));
            m.put("runs_out_at", out.map(Instant::toString).orElse(null));
            return m;
        }
    }

    /** "$50.00 and 1000 shots", "$50.00", "1000 shots". */
    static String limits(Budget b) {
        List<String> parts = new ArrayList<>();
        if (b.limitUsd() != Budget.NO_LIMIT) {
            parts.add(String.format(Locale.ROOT, "$%.2f", b.limitUsd()));
        }
        if (b.shotQuota() != Budget.NO_QUOTA) {
            parts.add(b.shotQuota() + " shots");
        }
        return String.join(" and ", parts);
    }
}
