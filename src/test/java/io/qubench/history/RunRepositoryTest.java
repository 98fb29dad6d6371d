package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456789Z");

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private RunRepository runs;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        runs = db.runs();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRunComesBackWithItsExactCircuitProvenanceAndCounts() {
        RunRecord run = new RunRecord("run-1", Samples.bell(), new Provenance("ibm_kingston", Optional.of("abc123"),
                Map.of("layout", "sabre", "routing", "stochastic"), 4000, Optional.of(-42L), "0.1.0", T0, T0.plusSeconds(30)),
                Samples.counts(2010, 1990), Optional.of("job-9"));
        runs.save(run);
        RunRecord back = runs.find("run-1").orElseThrow();
        assertThat(back).isEqualTo(run);
        assertThat(back.circuit().text()).isEqualTo(Samples.BELL);
        assertThat(back.provenance().submittedAt()).isEqualTo(T0);
    }

    @Test
    void aStateVectorIsKeptBitForBitWhenItWasAskedFor() {
        double[] amplitudes = {Math.sqrt(0.5), 0, 0, 0, 0, 0, -Math.sqrt(0.5), Double.MIN_VALUE};
        TreeMap<String, Integer> counts = new TreeMap<>(Map.of("00", 3, "11", 5));
        RunRecord run = RunRecord.create(Samples.bell(), new Provenance("local", Optional.empty(), Map.of(), 8, Optional.empty(), "dev", T0, T0),
                new ResultRecord(counts, amplitudes, true), Optional.empty());
        runs.save(run);
        ResultRecord back = runs.find(run.id()).orElseThrow().result();
        assertThat(back.statevector()).containsExactly(amplitudes);
        assertThat(back.partial()).isTrue();
        assertThat(runs.find(run.id()).orElseThrow().provenance().seed()).isEmpty();
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertThat(runs.find("nope")).isEmpty();
    }

    @Test
    void runsOfOneCircuitShareOneStoredCopyOfIt() {
        for (int i = 0; i < 3; i++) {
            runs.save(Samples.run(Samples.bell(), "local", T0.plusSeconds(i)));
        }
        runs.save(Samples.run(Samples.circuit(1), "local", T0));
        assertThat(runs.count()).isEqualTo(4);
        assertThat(db.circuits().count()).isEqualTo(2);
    }

    @Test
    void listingGivesTheNewestFirstUpToTheLimit() {
        RunRecord older = Samples.run(Samples.bell(), "local", T0);
        RunRecord newest = Samples.run(Samples.bell(), "local", T0.plusSeconds(20));
        RunRecord middle = Samples.run(Samples.bell(), "local", T0.plusSeconds(10));
        runs.save(older);
        runs.save(newest);
        runs.save(middle);
        assertThat(runs.list(RunQuery.newest(10))).containsExactly(newest, middle, older);
        assertThat(runs.list(RunQuery.newest(2))).containsExactly(newest, middle);
    }

    @Test
    void runsSubmittedAtTheSameInstantListTheLastSavedFirst() {
        RunRecord first = Samples.run(Samples.bell(), "local", T0);
        RunRecord second = Samples.run(Samples.bell(), "local", T0);
        runs.save(first);
        runs.save(second);
        assertThat(runs.list(RunQuery.newest(5))).containsExactly(second, first);
    }

    @Test
    void listingFiltersByBackendAndPeriod() {
        RunRecord local = Samples.run(Samples.bell(), "local", T0);
        RunRecord ibmEarly = Samples.run(Samples.bell(), "ibm", T0.plusSeconds(60));
        RunRecord ibmLate = Samples.run(Samples.bell(), "ibm", T0.plusSeconds(120));
        List.of(local, ibmEarly, ibmLate).forEach(runs::save);
        assertThat(runs.list(RunQuery.newest(10).onBackend("ibm"))).containsExactly(ibmLate, ibmEarly);
        TimeRange firstHundredSeconds = new TimeRange(T0, T0.plusSeconds(100));
        assertThat(runs.list(RunQuery.newest(10).within(firstHundredSeconds))).containsExactly(ibmEarly, local);
        assertThat(runs.list(RunQuery.newest(10).onBackend("ibm").within(firstHundredSeconds))).containsExactly(ibmEarly);
        // The period's end is excluded.
        assertThat(runs.list(RunQuery.newest(10).within(new TimeRange(T0.plusSeconds(60), T0.plusSeconds(120))))).containsExactly(ibmEarly);
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingOfItBehind() {
        RunRecord first = Samples.run(Samples.bell(), "local", T0);
        runs.save(first);
        // Same id, new circuit: the circuit is inserted before the run row fails on its key.
        StoredCircuit fresh = Samples.circuit(77);
        RunRecord clash = new RunRecord(first.id(), fresh, Samples.provenance("other", T0), Samples.counts(1, 2), Optional.empty());
        assertThatThrownBy(() -> runs.save(clash)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("a run with id " + first.id() + " is already kept")
                .hasMessageContaining(db.file().toString());
        assertThat(db.circuits().find(fresh.hash())).isEmpty();
        assertThat(runs.count()).isEqualTo(1);
        assertThat(runs.find(first.id())).contains(first);
    }
}
