package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void opensANewDatabaseInTheDataDirectoryAndKeepsWhatWasSavedAcrossReopening() {
        DataDirectory dir = DataDirectory.create(tmp);
        RunRecord run = Samples.run(Samples.bell(), "local", Instant.parse("2026-11-30T10:00:00Z"));
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertThat(db.file()).isEqualTo(tmp.resolve("history.mv.db")).exists();
            db.runs().save(run);
        }
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            assertThat(db.runs().find(run.id())).contains(run);
        }
    }

    @Test
    void twoInstancesOnOneDirectorySeeEachOthersRuns() {
        DataDirectory dir = DataDirectory.create(tmp);
        try (HistoryDatabase a = HistoryDatabase.open(dir); HistoryDatabase b = HistoryDatabase.open(dir)) {
            RunRecord fromA = Samples.run(Samples.bell(), "a", Instant.now());
            RunRecord fromB = Samples.run(Samples.bell(), "b", Instant.now());
            a.runs().save(fromA);
            b.runs().save(fromB);
            assertThat(a.runs().find(fromB.id())).contains(fromB);
            assertThat(b.runs().find(fromA.id())).contains(fromA);
        }
    }

    @Test
    void aGarbageFileIsReportedByPathAndLeftAsItWasWithEverythingElse() throws Exception {
        byte[] garbage = "this is not a database, it is my thesis draft\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(tmp.resolve("history.mv.db"), garbage);
        Path other = Files.writeString(tmp.resolve("settings.json"), "{\"theme\":\"dark\"}");
        assertThatThrownBy(() -> HistoryDatabase.open(DataDirectory.create(tmp))).isInstanceOf(HistoryException.class)
                .hasMessageContaining("Cannot open the history database " + file).hasMessageContaining("damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(other).hasContent("{\"theme\":\"dark\"}");
    }

    @Test
    void randomBytesWhereTheDatabaseShouldBeAreReportedAsDamagedAndLeftAsTheyWere() throws Exception {
        byte[] noise = new byte[5000];
        new java.util.Random(3).nextBytes(noise);
        noise[0] = 'X';
        Path file = Files.write(tmp.resolve("history.mv.db"), noise);
        assertThatThrownBy(() -> HistoryDatabase.open(DataDirectory.create(tmp))).isInstanceOf(HistoryException.class)
                .hasMessageContaining("Cannot open the history database " + file).hasMessageContaining("damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(noise);
    }

    @Test
    void aDatabaseFileCutShortIsReportedAsDamaged() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        try (HistoryDatabase db = HistoryDatabase.open(dir)) {
            db.runs().save(Samples.run(Samples.bell(), "local", Instant.now()));
        }
        Path file = tmp.resolve("history.mv.db");
        byte[] whole = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(whole, 5000);
        Files.write(file, cut);
        assertThatThrownBy(() -> HistoryDatabase.open(dir)).isInstanceOf(HistoryException.class)
                .hasMessageContaining("Cannot open the history database " + file).hasMessageContaining("damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(cut);
    }

    @Test
    void anotherProgramsDatabaseIsRefusedAndLeftUnchanged() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.historyDatabase(), "sa", "")) {
            c.createStatement().execute("CREATE TABLE invoices (id INT)");
        }
        assertThatThrownBy(() -> HistoryDatabase.open(dir)).isInstanceOf(HistoryException.class)
                .hasMessageContaining(tmp.resolve("history.mv.db").toString()).hasMessageContaining("not a Qubench history");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.historyDatabase(), "sa", "");
                var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            r.next();
            assertThat(r.getInt(1)).as("only the invoices table").isEqualTo(1);
        }
    }

    @Test
    void aDirectoryWhereTheDatabaseFileShouldBeIsReportedByPath() throws Exception {
        Path file = Files.createDirectory(tmp.resolve("history.mv.db"));
        assertThatThrownBy(() -> HistoryDatabase.open(DataDirectory.create(tmp))).isInstanceOf(HistoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a directory");
    }

    @Test
    void aSchemaFromANewerVersionIsRefusedAndLeftUnchanged() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        HistoryDatabase.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.historyDatabase(), "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', 1, TRUE)");
        }
        int migrationsBefore = appliedMigrations(dir);
        assertThatThrownBy(() -> HistoryDatabase.open(dir)).isInstanceOf(HistoryException.class)
                .hasMessageContaining(dir.path().resolve("history.mv.db").toString())
                .hasMessageContaining("newer Qubench (schema version 99; this version knows up to 2)");
        assertThat(appliedMigrations(dir)).isEqualTo(migrationsBefore);
    }

    private static int appliedMigrations(DataDirectory dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.historyDatabase(), "sa", "");
                var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aDatabaseHeldExclusivelyByAnotherProcessIsReportedAsInUse() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        // Its stderr apart: the launcher warns there that the Vector API is an incubator module.
        Path holderErr = tmp.resolve("holder.err");
        Process holder = new ProcessBuilder(HistoryChildProcess.command("exclusive", tmp.toString())).redirectError(holderErr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as(Files.readString(holderErr)).isEqualTo("open");
            assertThatThrownBy(() -> HistoryDatabase.open(dir)).isInstanceOf(HistoryException.class)
                    .hasMessageContaining("Cannot open the history database " + dir.path().resolve("history.mv.db"))
                    .hasMessageContaining("in use by another program");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }
}
