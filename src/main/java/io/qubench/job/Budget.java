package io.qubench.job;

/**
 * A spending limit and a shot quota for one provider ({@code *}: all together) over a period.
 * {@link #NO_LIMIT} and {@link #NO_QUOTA} leave one of them open.
 */
public record Budget(String provider, BudgetPeriod period, double limitUsd, long shotQuota) {

    public static final double NO_LIMIT = Double.POSITIVE_INFINITY;
    public static final long NO_QUOTA = Long.MAX_VALUE;

    public Budget {
        if (!(limitUsd >= 0)) {
            throw new IllegalArgumentException("a budget limit must be 0 or more, not " + limitUsd);
        }
        if (shotQuota < 0) {
            throw new IllegalArgumentException("a shot quota must be 0 or more, not " + shotQuota);
        }
    }

    public static Budget spending(String provider, BudgetPeriod period, double limitUsd) {
        return new Budget(provider, period, limitUsd, NO_QUOTA);
    }

    public static Budget shots(String provider, BudgetPeriod period, long quota) {
        return new Budget(provider, period, NO_LIMIT, quota);
    }

    public boolean covers(String provider) {
        return this.provider.equals("*") || this.provider.equals(provider);
    }
}
