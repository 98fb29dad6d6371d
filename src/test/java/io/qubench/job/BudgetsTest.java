package io.qubench.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.qubench.device.PricingTable;

class BudgetsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final CostEstimator estimator = new CostEstimator(PricingTable.published());

    private void charge(String key, String provider, double amount, int shots, Instant at) {
        ledger.record(new Charge(key, "job-" + key, provider + ":x", provider, shots, amount, at));
    }

    @Test
    void periodsStartAtUtcDayWeekAndMonthBoundaries() {
        assertThat(BudgetPeriod.DAY.start(NOW)).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(BudgetPeriod.WEEK.start(NOW)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(BudgetPeriod.MONTH.start(NOW)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(BudgetPeriod.MONTH.end(NOW)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void onlyChargesOfTheProviderInTheCurrentPeriodCount() {
        charge("a", "braket", 40, 100, Instant.parse("2026-11-24T23:00:00Z"));
        charge("b", "braket", 40, 100, Instant.parse("2026-11-25T01:00:00Z"));
        charge("c", "ibm", 40, 100, Instant.parse("2026-11-25T02:00:00Z"));
        Budgets daily = new Budgets(List.of(Budget.spending("braket", BudgetPeriod.DAY, 50)));
        CostEstimate small = estimator.estimate(JobServiceTest.BELL, "braket:garnet", 100);
        assertThatCode(() -> daily.check(small, ledger, NOW)).doesNotThrowAnyException();
        CostEstimate large = estimator.estimate(JobServiceTest.BELL, "braket:forte-1", 200);
        assertThatThrownBy(() -> daily.check(large, ledger, NOW)).isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("$40.0000 of it is spent or committed since 2026-11-25T00:00:00Z");
        Budgets all = new Budgets(List.of(Budget.spending("*", BudgetPeriod.MONTH, 120.2)));
        assertThatThrownBy(() -> all.check(small, ledger, NOW)).hasMessageContaining("monthly budget for all providers");
    }

    @Test
    void aLedgerKeepsOneChargePerProviderJob() {
        assertThat(ledger.record(new Charge("k", "j", "ibm:x", "ibm", 10, 1.0, NOW))).isTrue();
        assertThat(ledger.record(new Charge("k", "j", "ibm:x", "ibm", 10, 1.0, NOW))).isFalse();
        assertThat(ledger.charges()).hasSize(1);
    }

    @Test
    void theBurnRateForecastsThePeriodAndWhenTheBudgetRunsOut() {
        for (int day = 0; day < 10; day++) {
            charge("d" + day, "ibm", 10, 100, NOW.minus(Duration.ofDays(day)).minusSeconds(60));
        }
        BurnRate rate = BurnRate.over(ledger, "ibm", Duration.ofDays(10), NOW);
        assertThat(rate.perDay()).isCloseTo(10, within(1e-9));
        Budget monthly = Budget.spending("ibm", BudgetPeriod.MONTH, 400);
        // spent since Nov 1: the 10 charges of Nov 15..25 = 100; 5.5 days left at 10/day
        assertThat(rate.forecastForPeriod(monthly, ledger, NOW)).isCloseTo(100 + 55, within(1e-6));
        assertThat(rate.exhaustion(monthly, ledger, NOW)).isEmpty();
        Budget tight = Budget.spending("ibm", BudgetPeriod.MONTH, 120);
        assertThat(rate.exhaustion(tight, ledger, NOW)).contains(NOW.plus(Duration.ofDays(2)));
    }
}
