package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostRepositoryTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");
    private static final TimeRange NOVEMBER = new TimeRange(NOV, DEC);

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private CostRepository costs;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        costs = db.costs();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static CostEntry cost(String provider, String amount, Instant at) {
        return new CostEntry(provider, new BigDecimal(amount), "USD", at, Optional.of("run-1"), Optional.empty(), "4000 shots");
    }

    @Test
    void aLedgerLineComesBackAsWritten() {
        CostEntry e = new CostEntry("ibm", new BigDecimal("1.60"), "USD", NOV.plusSeconds(5), Optional.of("run-7"), Optional.of("job-7"), "8 s QPU");
        costs.record(e);
        assertThat(costs.entries(TimeRange.ALL)).containsExactly(e);
        assertThat(costs.entries(TimeRange.ALL).getFirst().amount()).isEqualByComparingTo("1.6");
    }

    @Test
    void totalsArePerProviderWithinThePeriodOnly() {
        costs.record(cost("ibm", "1.60", NOV));
        costs.record(cost("ibm", "0.000032", DEC.minusNanos(1)));
        costs.record(cost("ibm", "5", DEC));
        costs.record(cost("braket", "0.30", NOV.plusSeconds(3600)));
        costs.record(cost("braket", "-0.10", NOV.plusSeconds(7200)));
        costs.record(cost("ionq", "9", NOV.minusSeconds(1)));
        assertThat(costs.total("ibm", "USD", NOVEMBER)).isEqualByComparingTo("1.600032");
        assertThat(costs.total("braket", "USD", NOVEMBER)).isEqualByComparingTo("0.20");
        assertThat(costs.total("ionq", "USD", NOVEMBER)).isEqualByComparingTo("0");
        assertThat(costs.totals(NOVEMBER)).extracting(CostTotal::provider).containsExactly("braket", "ibm");
        assertThat(costs.entries(NOVEMBER)).hasSize(4);
    }

    @Test
    void currenciesAreNotAddedTogether() {
        costs.record(cost("ibm", "2", NOV));
        costs.record(new CostEntry("ibm", new BigDecimal("3"), "EUR", NOV, Optional.empty(), Optional.empty(), ""));
        assertThat(costs.totals(NOVEMBER)).extracting(CostTotal::currency).containsExactly("EUR", "USD");
        assertThat(costs.total("ibm", "EUR", NOVEMBER)).isEqualByComparingTo("3");
    }

    @Test
    void anAmountFinerThanTheLedgerKeepsOrABadCurrencyIsRefused() {
        assertThatThrownBy(() -> cost("ibm", "0.0000000000001", NOV)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 12 decimal places");
        assertThatThrownBy(() -> new CostEntry("ibm", BigDecimal.ONE, "dollars", NOV, Optional.empty(), Optional.empty(), ""))
                .hasMessageContaining("ISO 4217");
    }
}
