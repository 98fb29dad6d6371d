package io.qubench.history;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/** Brings a history database to this version's schema (db/migration), refusing databases that are not ours to change. */
final class SchemaMigration {

    // Flyway logs every open at INFO through java.util.logging; keep the CLI's output clean. Held so it is not collected.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    private SchemaMigration() {
    }

    static void bringUpToDate(HistoryDatabase db, DataSource source) {
        Path file = db.file();
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader()).dataSource(source)
                .locations("classpath:db/migration").load();
        try {
            refuseForeignSchema(db);
            refuseNewerSchema(flyway, file);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new HistoryException("Cannot bring the history database " + file + " up to date: " + e.getMessage(), e);
        }
    }

    /** Tables but no migration history: some other program's database. */
    private static void refuseForeignSchema(HistoryDatabase db) {
        db.inTransaction("look at its tables", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(CASE WHEN TABLE_NAME = 'flyway_schema_history' "
                    + "THEN 1 END) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                r.next();
                if (r.getInt(1) > 0 && r.getInt(2) == 0) {
                    throw new HistoryException("The database " + db.file() + " holds tables that are not a Qubench history; it was "
                            + "left unchanged. Move it away, or choose another data directory with --data-dir");
                }
            }
            return null;
        });
    }

    /** A schema migrated by a newer Qubench may mean anything to this one: refuse rather than guess. */
    private static void refuseNewerSchema(Flyway flyway, Path file) {
        MigrationInfo[] all = flyway.info().all();
        boolean future = Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (!future) {
            return;
        }
        String applied = newest(all, m -> m.getState().isApplied());
        String known = newest(all, m -> m.getState().isResolved());
        throw new HistoryException("The history database " + file + " was written by a newer Qubench (schema version " + applied
                + "; this version knows up to " + known + "). Update Qubench, or choose another data directory with --data-dir; "
                + "the file was left unchanged.");
    }

    private static String newest(MigrationInfo[] all, Predicate<MigrationInfo> which) {
        return Arrays.stream(all).filter(m -> m.getVersion() != null && which.test(m)).map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse("none");
    }
}
