package io.qubench.history;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

import io.qubench.device.CalibrationStore;

/**
 * The history database in a data directory, migrated to this version's schema on open. Any
 * number of processes (the workbench and CLI runs) may have the same directory open at once:
 * H2's automatic mixed mode lets the first one serve the file to the others. Every commit is
 * written to the file before it returns, so a process killed afterwards loses nothing committed.
 */
public final class HistoryDatabase implements AutoCloseable {

    // Flyway logs every open at INFO through java.util.logging; keep the CLI's output clean.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(Level.WARNING);
    }

    // Every H2 2.x store file begins with its header, "H:2,block:...".
    private static final byte[] H2_FILE_START = "H:2,".getBytes(StandardCharsets.US_ASCII);
    private static final String DAMAGED = "the file is damaged or not an H2 database of this version. It was left as it is: "
            + "move it away to start a new history, or restore it from a backup";

    private final Path file;
    private final JdbcConnectionPool pool;
    // Held for the database's lifetime: keeps the file open (and served to other processes) between operations.
    private final Connection keeper;

    private HistoryDatabase(Path file, JdbcConnectionPool pool, Connection keeper) {
        this.file = file;
        this.pool = pool;
        this.keeper = keeper;
    }

    /** Opens (creating if needed) the history in {@code dir} and brings its schema up to date. */
    public static HistoryDatabase open(DataDirectory dir) {
        Path base = dir.historyDatabase();
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (base.toString().contains(";")) {
            throw new HistoryException("Cannot open the history database " + file + ": H2 does not accept ';' in a path; "
                    + "choose a data directory without one");
        }
        if (Files.isDirectory(file)) {
            throw new HistoryException("Cannot open the history database " + file + ": it is a directory, not a database file");
        }
        refuseForeignFile(file);
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        Connection keeper;
        try {
            keeper = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        HistoryDatabase db = new HistoryDatabase(file, pool, keeper);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public Path file() {
        return file;
    }

    public CircuitRepository circuits() {
        return new H2CircuitRepository(this);
    }

    public RunRepository runs() {
        return new H2RunRepository(this);
    }

    public JobRepository jobs() {
        return new H2JobRepository(this);
    }

    public CostRepository costs() {
        return new H2CostRepository(this);
    }

    public CalibrationStore calibrations() {
        return new H2CalibrationStore(this);
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HistoryException("History database " + file + ": could not " + what + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure(HistoryDatabase.class.getClassLoader()).dataSource(pool)
                .locations("classpath:db/migration").load();
        try {
            refuseForeignSchema();
            refuseNewerSchema(flyway);
            flyway.migrate();
        } catch (FlywayException e) {
            throw new HistoryException("Cannot bring the history database " + file + " up to date: " + e.getMessage(), e);
        }
    }

    /** Tables but no migration history: some other program's database, not ours to change. */
    private void refuseForeignSchema() {
        inTransaction("look at its tables", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(CASE WHEN TABLE_NAME = 'flyway_schema_history' "
                    + "THEN 1 END) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                r.next();
                if (r.getInt(1) > 0 && r.getInt(2) == 0) {
                    throw new HistoryException("The database " + file + " holds tables that are not a Qubench history; it was left "
                            + "unchanged. Move it away, or choose another data directory with --data-dir");
                }
            }
            return null;
        });
    }

    /** A schema migrated by a newer Qubench may mean anything to this one: refuse rather than guess. */
    private void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion newest = Arrays.stream(all).filter(m -> m.getState().isApplied() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).orElse(null);
        boolean future = Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED);
        if (future) {
            String known = Arrays.stream(all).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                    .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse("none");
            throw new HistoryException("The history database " + file + " was written by a newer Qubench (schema version "
                    + newest.getVersion() + "; this version knows up to " + known + "). Update Qubench, or choose another "
                    + "data directory with --data-dir; the file was left unchanged.");
        }
    }

    /** Checked before H2 sees the file: H2 reports some non-database files as mere I/O errors. */
    private static void refuseForeignFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] start = new byte[H2_FILE_START.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new HistoryException("Cannot open the history database " + file + ": it cannot be read (" + e.getMessage() + ")", e);
        }
        if (read > 0 && !Arrays.equals(start, H2_FILE_START)) {
            throw new HistoryException("Cannot open the history database " + file + ": " + DAMAGED);
        }
    }

    private static HistoryException cannotOpen(Path file, SQLException e) {
        if (e.getErrorCode() == ErrorCode.IO_EXCEPTION_1 && causedBy(e, EOFException.class)) {
            return new HistoryException("Cannot open the history database " + file + ": the file is cut short; " + DAMAGED, e);
        }
        String reason = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "it is in use by another program that opened it exclusively (an H2 console or "
                    + "tool without AUTO_SERVER?). Close that program and try again";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> DAMAGED;
            case ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 ->
                "it cannot be read or written (" + e.getMessage() + ")";
            default -> e.getMessage();
        };
        return new HistoryException("Cannot open the history database " + file + ": " + reason, e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        pool.dispose();
        try {
            keeper.close();
        } catch (SQLException e) {
            throw new HistoryException("History database " + file + ": could not close: " + e.getMessage(), e);
        }
    }
}
