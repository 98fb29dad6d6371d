package io.qubench.history;

import java.math.BigDecimal;

/** What one provider charged in one currency over a period. */
public record CostTotal(String provider, String currency, BigDecimal amount) {
}
