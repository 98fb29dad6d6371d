package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.job.Charge;

class H2CostLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private H2CostLedger ledger;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        ledger = db.ledger();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aChargeIsKeptOncePerKeyAndComesBackAsRecorded() {
        Charge c = new Charge("ibm:kingston/p-1", "job-1", "ibm:kingston", "ibm", 4000, 1.6, T0);
        assertThat(ledger.record(c)).isTrue();
        assertThat(ledger.record(c)).isFalse();
        assertThat(ledger.record(new Charge(c.key(), "job-1", "ibm:kingston", "ibm", 4000, 9.9, T0.plusSeconds(5)))).isFalse();
        assertThat(ledger.charges()).containsExactly(c);
    }

    @Test
    void spentAndShotsAreSummedPerProviderFromTheGivenInstant() {
        ledger.record(new Charge("a", "j1", "ibm:kingston", "ibm", 100, 1.25, T0));
        ledger.record(new Charge("b", "j2", "ibm:hanoi", "ibm", 200, 2.50, T0.plusSeconds(60)));
        ledger.record(new Charge("c", "j3", "ionq:forte-1", "ionq", 50, 4.00, T0.plusSeconds(120)));
        assertThat(ledger.spentSince("ibm", T0)).isCloseTo(3.75, within(1e-12));
        assertThat(ledger.spentSince("ibm", T0.plusSeconds(1))).isCloseTo(2.50, within(1e-12));
        assertThat(ledger.spentSince("*", T0)).isCloseTo(7.75, within(1e-12));
        assertThat(ledger.shotsSince("*", T0)).isEqualTo(350);
        assertThat(ledger.shotsSince("ionq", T0.plusSeconds(121))).isZero();
        assertThat(ledger.spentSince("braket", T0)).isZero();
    }

    @Test
    void chargesAreLinesOfTheOneCostLedgerWithTheEntriesMadeByHand() {
        ledger.record(new Charge("a", "j1", "ibm:kingston", "ibm", 100, 1.25, T0));
        db.costs().record(new CostEntry("ibm", new BigDecimal("0.75"), "USD", T0.plusSeconds(1), java.util.Optional.empty(),
                java.util.Optional.empty(), "credit correction"));
        assertThat(db.costs().total("ibm", "USD", TimeRange.ALL)).isEqualByComparingTo("2.00");
        assertThat(ledger.spentSince("ibm", T0)).isCloseTo(2.00, within(1e-12));
        assertThat(ledger.charges()).hasSize(2);
    }

    @Test
    void theSameChargesRecordedFromTwoInstancesAtOnceAreEachKeptOnce() throws Exception {
        try (HistoryDatabase other = HistoryDatabase.open(DataDirectory.create(tmp))) {
            H2CostLedger there = other.ledger();
            List<Charge> charges = IntStream.range(0, 40).mapToObj(i -> new Charge("p-" + i, "j" + i, "local", "local", 10, 0.5, T0))
                    .toList();
            CompletableFuture<Long> keptThere = CompletableFuture.supplyAsync(() -> charges.stream().filter(there::record).count());
            long keptHere = charges.stream().filter(ledger::record).count();
            assertThat(keptHere + keptThere.get()).isEqualTo(40);
            assertThat(ledger.charges()).hasSize(40);
            assertThat(ledger.spentSince("local", T0)).isCloseTo(20.0, within(1e-12));
        }
    }
}
