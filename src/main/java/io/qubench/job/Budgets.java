package io.qubench.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The budgets and quotas in force; checks a submission against each before it is sent. */
public final class Budgets {

    public static final Budgets NONE = new Budgets(List.of());

    private final List<Budget> budgets;

    public Budgets(List<Budget> budgets) {
        this.budgets = List.copyOf(budgets);
    }

    public List<Budget> all() {
        return budgets;
    }

    /** These budgets with {@code budget} in place of the one for its provider and period, if any. */
    public Budgets with(Budget budget) {
        List<Budget> next = new ArrayList<>(budgets);
        int at = indexOf(budget.provider(), budget.period());
        if (at < 0) {
            next.add(budget);
        } else {
            next.set(at, budget);
        }
        return new Budgets(next);
    }

    /** These budgets without the one for {@code provider} and {@code period}; unchanged when there is none. */
    public Budgets without(String provider, BudgetPeriod period) {
        List<Budget> next = new ArrayList<>(budgets);
        int at = indexOf(provider, period);
        if (at >= 0) {
            next.remove(at);
        }
        return new Budgets(next);
    }

    private int indexOf(String provider, BudgetPeriod period) {
        for (int i = 0; i < budgets.size(); i++) {
            if (budgets.get(i).provider().equals(provider) && budgets.get(i).period() == period) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Throws a {@link BudgetExceededException} naming the budget, what is spent and what the
     * submission would add when {@code estimate} would take any budget or quota past its limit.
     */
    public void check(CostEstimate estimate, CostLedger ledger, Instant now) {
        check(estimate, ledger, Pending.NONE, now);
    }

    /** Money and shots already committed to jobs sent or queued but not yet charged, by provider ({@code *}: all). */
    public interface Pending {
        Pending NONE = new Pending() {
            @Override
            public double cost(String provider) {
                return 0;
            }

            @Override
            public long shots(String provider) {
                return 0;
            }
        };

        double cost(String provider);

        long shots(String provider);
    }

    /** As above, counting what {@code pending} jobs will spend as already spent, so that jobs sent together cannot overspend. */
    public void check(CostEstimate estimate, CostLedger ledger, Pending pending, Instant now) {
        for (Budget b : budgets) {
            if (!b.covers(estimate.provider())) {
                continue;
            }
            Instant since = b.period().start(now);
            String which = "the " + b.period().adjective() + " budget for " + (b.provider().equals("*") ? "all providers" : b.provider());
            double spent = ledger.spentSince(b.provider(), since) + pending.cost(b.provider());
            if (estimate.total() > 0 && spent + estimate.total() > b.limitUsd()) {
                throw new BudgetExceededException(String.format(Locale.ROOT, "%d shots on %s would cost $%.4f, but %s is $%.2f "
                        + "and $%.4f of it is spent or committed since %s; not submitted (override the budget to send it anyway)",
                        estimate.shots(), estimate.backend(), estimate.total(), which, b.limitUsd(), spent, since));
            }
            long shots = ledger.shotsSince(b.provider(), since) + pending.shots(b.provider());
            if (b.shotQuota() != Budget.NO_QUOTA && shots + estimate.shots() > b.shotQuota()) {
                throw new BudgetExceededException(String.format(Locale.ROOT, "%d shots on %s would pass the %s shot quota of %d "
                        + "for %s: %d used or committed since %s; not submitted (override the budget to send it anyway)", estimate.shots(),
                        estimate.backend(), b.period().adjective(), b.shotQuota(),
                        b.provider().equals("*") ? "all providers" : b.provider(), shots, since));
            }
        }
    }
}
