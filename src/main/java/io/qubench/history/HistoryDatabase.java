package io.qubench.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcConnectionPool;

import io.qubench.device.CalibrationStore;

/**
 * The history database in a data directory, migrated to this version's schema on open. Any
 * number of processes (the workbench and CLI runs) may have the same directory open at once:
 * H2's automatic mixed mode lets the first one serve the file to the others, over a local TCP
 * port that accepts only clients knowing the key H2 writes into {@code history.lock.db}. Every
 * commit is in the file before it returns, so a process killed afterwards loses nothing
 * committed.
 */
public final class HistoryDatabase implements AutoCloseable {

    // WRITE_DELAY=0: store each commit at once (H2 otherwise keeps up to 500 ms of commits in memory, lost on a kill).
    // LOCK_TIMEOUT: several processes writing at once wait for each other's row locks rather than fail after H2's 1 s.
    private static final String SETTINGS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    private final Path file;
    private final JdbcConnectionPool pool;
    // Held for the database's lifetime: keeps the file open (and served to other processes) between operations.
    private final Connection keeper;

    private HistoryDatabase(Path file, JdbcConnectionPool pool, Connection keeper) {
        this.file = file;
        this.pool = pool;
        this.keeper = keeper;
    }

    /**
     * Opens (creating if needed) the history in {@code dir} and brings its schema up to date.
     *
     * @throws HistoryException naming the file and what to do, when it cannot be opened
     */
    public static HistoryDatabase open(DataDirectory dir) {
        Path base = dir.historyDatabase();
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        OpenFailures.refuseUnopenable(base, file);
        String url = "jdbc:h2:file:" + base + SETTINGS;
        Connection keeper;
        try {
            keeper = DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw OpenFailures.explain(file, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        HistoryDatabase db = new HistoryDatabase(file, pool, keeper);
        try {
            SchemaMigration.bringUpToDate(db, pool);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** The database file, {@code history.mv.db} in the data directory. */
    public Path file() {
        return file;
    }

    public CircuitRepository circuits() {
        return new H2CircuitRepository(this);
    }

    public RunRepository runs() {
        return new H2RunRepository(this);
    }

    /** The job service's jobs, kept here so that they outlive the process that submitted them. */
    public H2JobStore jobs() {
        return new H2JobStore(this);
    }

    /** The job service's charges: lines of the same ledger as {@link #costs()}. */
    public H2CostLedger ledger() {
        return new H2CostLedger(this);
    }

    /** Service levels per backend, read from the jobs, transitions, charges and runs kept here. */
    public ServiceLevels serviceLevels() {
        return new ServiceLevels(this);
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
