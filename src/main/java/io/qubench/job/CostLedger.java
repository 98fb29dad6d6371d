package io.qubench.job;

import java.time.Instant;
import java.util.List;

/** The actual charges, one per provider job. */
public interface CostLedger {

    /** Keeps {@code charge} unless one with its key is already there; says whether it was kept. */
    boolean record(Charge charge);

    List<Charge> charges();

    /** Spent with {@code provider} ({@code *} for all) at or after {@code since}. */
    default double spentSince(String provider, Instant since) {
        return charges().stream().filter(c -> matches(c, provider, since)).mapToDouble(Charge::amount).sum();
    }

    default long shotsSince(String provider, Instant since) {
        return charges().stream().filter(c -> matches(c, provider, since)).mapToLong(Charge::shots).sum();
    }

    private static boolean matches(Charge c, String provider, Instant since) {
        return (provider.equals("*") || c.provider().equals(provider)) && !c.at().isBefore(since);
    }
}
