package io.qubench.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the cost ledger: what a provider charged (or credited, when negative), when and for what.
 *
 * @param currency ISO 4217 code, e.g. {@code USD}
 */
public record CostEntry(String provider, BigDecimal amount, String currency, Instant at, Optional<String> runId,
        Optional<String> jobId, String description) {

    /** Decimal places the ledger keeps. */
    public static final int SCALE = 12;

    public CostEntry {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(description, "description");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("cost " + amount.toPlainString() + " has more than " + SCALE + " decimal places");
        }
        // One scale for every amount, so that a ledger line read back equals the one written.
        amount = amount.setScale(SCALE);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be a three-letter ISO 4217 code such as USD, not \"" + currency + "\"");
        }
    }
}
