package io.qubench.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fast money goes to a provider: the spend over a recent window as USD per day, and what that
 * pace means for a budget's period.
 */
public record BurnRate(String provider, Duration window, double spentInWindow, double perDay) {

    private static final double SECONDS_PER_DAY = 86_400;

    public static BurnRate over(CostLedger ledger, String provider, Duration window, Instant now) {
        double spent = ledger.spentSince(provider, now.minus(window));
        return new BurnRate(provider, window, spent, spent / (window.toSeconds() / SECONDS_PER_DAY));
    }

    /** At this pace, what {@code budget}'s period ends at: spent so far plus the rest of the period at this rate. */
    public double forecastForPeriod(Budget budget, CostLedger ledger, Instant now) {
        double spent = ledger.spentSince(budget.provider(), budget.period().start(now));
        double daysLeft = Duration.between(now, budget.period().end(now)).toSeconds() / SECONDS_PER_DAY;
        return spent + perDay * daysLeft;
    }

    /** When, at this pace, {@code budget} runs out in its current period; empty when it does not. */
    public Optional<Instant> exhaustion(Budget budget, CostLedger ledger, Instant now) {
        double left = budget.limitUsd() - ledger.spentSince(budget.provider(), budget.period().start(now));
        if (left <= 0) {
            return Optional.of(now);
        }
        if (perDay <= 0 || Double.isInfinite(left)) {
            return Optional.empty();
        }
        Instant at = now.plusSeconds((long) (left / perDay * SECONDS_PER_DAY));
        return at.isBefore(budget.period().end(now)) ? Optional.of(at) : Optional.empty();
    }
}
