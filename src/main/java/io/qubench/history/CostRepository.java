package io.qubench.history;

import java.math.BigDecimal;
import java.util.List;

/** The cost ledger: what each provider charged, when and for what. */
public interface CostRepository {

    void record(CostEntry entry);

    /** Ledger lines within {@code period}, oldest first. */
    List<CostEntry> entries(TimeRange period);

    /** Sum per provider and currency within {@code period}, by provider then currency. */
    List<CostTotal> totals(TimeRange period);

    /** What {@code provider} charged in {@code currency} within {@code period} (zero when nothing). */
    BigDecimal total(String provider, String currency, TimeRange period);
}
