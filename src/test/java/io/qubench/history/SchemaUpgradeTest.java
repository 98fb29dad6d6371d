package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.job.JobState;

/** A history written by the first schema opens under the second with its runs and costs kept. */
class SchemaUpgradeTest {

    @TempDir
    Path tmp;

    @Test
    void aVersionOneHistoryIsUpgradedKeepingRunsAndCostsAndDroppingOldModelJobs() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        String url = "jdbc:h2:file:" + dir.historyDatabase();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        StoredCircuit bell = Samples.bell();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            H2CircuitRepository.saveIn(c, bell);
            c.createStatement().executeUpdate("INSERT INTO job (id, circuit_hash, backend, shots, state) VALUES ('old', '" + bell.hash()
                    + "', 'ibm', 10, 'QUEUED')");
            c.createStatement().executeUpdate("INSERT INTO job_transition VALUES ('old', 0, 'CREATED', CURRENT_TIMESTAMP, '')");
            for (String run : new String[] {"r1", "r2"}) {
                c.createStatement().executeUpdate("INSERT INTO run (id, circuit_hash, job_id, backend, transpiler_settings, shots, "
                        + "app_version, submitted_at, completed_at) VALUES ('" + run + "', '" + bell.hash() + "', 'old', 'ibm', '{}', 10, "
                        + "'0.1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                c.createStatement().executeUpdate("INSERT INTO run_result VALUES ('" + run + "', '{\"00\":10}', NULL, FALSE)");
            }
            c.createStatement().executeUpdate("INSERT INTO cost_entry (provider, amount, currency, charged_at, description) "
                    + "VALUES ('ibm', 1.5, 'USD', CURRENT_TIMESTAMP, 'by hand')");
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertThat(db.jobs().all()).isEmpty();
            assertThat(db.runs().count()).isEqualTo(2);
            assertThat(db.runs().find("r1").orElseThrow().jobId()).contains("old");
            assertThat(db.runs().find("r2").orElseThrow().jobId()).isEmpty();
            assertThat(db.ledger().spentSince("ibm", Instant.EPOCH)).isEqualTo(1.5);
            db.jobs().save(Jobs.ran(Jobs.created("new", "local", Instant.now()), JobState.COMPLETED, 5, 5, 0));
            assertThat(new RunRecorder(db, "v").catchUp(db.jobs())).isEqualTo(1);
            assertThat(db.runs().findByJob("new")).map(r -> r.result().totalShots()).isEqualTo(Optional.of(10));
        }
    }
}
