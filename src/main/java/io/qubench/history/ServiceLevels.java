package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.qubench.job.JobState;

/**
 * Service levels read from the history with SQL: the jobs and their {@code job_transition} rows
 * (state times), the charges in {@code cost_entry} and the provenance of {@code run}. Here, not
 * in the job package, because they are questions about what the database holds, across every
 * process that wrote to it, and only the history speaks SQL.
 */
public final class ServiceLevels {

    // A run's provenance is complete when every field is set; only the ideal local simulator runs without a calibration.
    private static final String COMPLETE = "r.circuit_hash IS NOT NULL AND LENGTH(r.transpiler_settings) > 2 AND r.shots > 0 "
            + "AND r.seed IS NOT NULL AND LENGTH(r.app_version) > 0 AND (r.calibration_id IS NOT NULL OR r.backend = 'local')";

    private final HistoryDatabase db;

    ServiceLevels(HistoryDatabase db) {
        this.db = db;
    }

    /** One line per backend that had jobs or runs within {@code period} (or only {@code backend}, when given), by name. */
    public List<ServiceLevel> per(TimeRange period, Optional<String> backend) {
        return db.inTransaction("compute service levels", c -> {
            Map<String, Tally> tallies = new TreeMap<>();
            readJobs(c, period, backend, tallies);
            readCosts(c, period, backend, tallies);
            readRuns(c, period, backend, tallies);
            List<ServiceLevel> out = new ArrayList<>();
            tallies.forEach((name, t) -> out.add(t.level(name, period)));
            return out;
        });
    }

    private static final class Tally {
        int jobs;
        int completed;
        int partial;
        int failed;
        int cancelled;
        int everPartial;
        final List<Duration> orchestration = new ArrayList<>();
        final List<Duration> queueWait = new ArrayList<>();
        final List<Duration> execution = new ArrayList<>();
        double cost;
        int runs;
        int completeRuns;

        ServiceLevel level(String backend, TimeRange period) {
            int ended = completed + partial + failed;
            int withResults = completed + partial;
            return new ServiceLevel(backend, period, jobs, completed, partial, failed, cancelled, ratio(completed, ended),
                    ServiceLevel.Latency.of(orchestration), ServiceLevel.Latency.of(queueWait), ServiceLevel.Latency.of(execution), cost,
                    completed == 0 ? OptionalDouble.empty() : OptionalDouble.of(cost / completed), ratio(everPartial, withResults), runs,
                    ratio(completeRuns, runs));
        }

        private static OptionalDouble ratio(int part, int whole) {
            return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
        }
    }

    private static void readJobs(Connection c, TimeRange period, Optional<String> backend, Map<String, Tally> tallies) throws SQLException {
        String sql = "SELECT j.backend, j.state, "
                + "MIN(CASE WHEN t.step = 0 THEN t.entered_at END) AS created, "
                + "MIN(CASE WHEN t.state = 'QUEUED' THEN t.entered_at END) AS queued, "
                + "MIN(CASE WHEN t.state = 'RUNNING' THEN t.entered_at END) AS running, "
                + "MIN(CASE WHEN t.state IN ('COMPLETED', 'FAILED', 'CANCELLED', 'PARTIAL') THEN t.entered_at END) AS ended, "
                + "MAX(CASE WHEN t.state = 'PARTIAL' THEN 1 ELSE 0 END) AS ever_partial "
                + "FROM job j JOIN job_transition t ON t.job_id = j.id WHERE j.created_at >= ? AND j.created_at < ?"
                + (backend.isPresent() ? " AND j.backend = ?" : "") + " GROUP BY j.id, j.backend, j.state";
        try (PreparedStatement s = prepare(c, sql, period, backend); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Tally t = tallies.computeIfAbsent(r.getString("backend"), k -> new Tally());
                t.jobs++;
                switch (JobState.valueOf(r.getString("state"))) {
                    case COMPLETED -> t.completed++;
                    case PARTIAL -> t.partial++;
                    case FAILED -> t.failed++;
                    case CANCELLED -> t.cancelled++;
                    default -> { }
                }
                t.everPartial += r.getInt("ever_partial");
                Instant created = time(r, "created");
                Instant queued = time(r, "queued");
                Instant running = time(r, "running");
                Instant ended = time(r, "ended");
                if (created != null && queued != null) {
                    t.orchestration.add(Duration.between(created, queued));
                }
                Instant leftQueue = running != null ? running : ended;
                if (queued != null && leftQueue != null) {
                    t.queueWait.add(Duration.between(queued, leftQueue));
                }
                if (running != null && ended != null) {
                    t.execution.add(Duration.between(running, ended));
                }
            }
        }
    }

    private static void readCosts(Connection c, TimeRange period, Optional<String> backend, Map<String, Tally> tallies) throws SQLException {
        String sql = "SELECT j.backend, SUM(e.amount) FROM cost_entry e JOIN job j ON j.id = e.job_id "
                + "WHERE j.created_at >= ? AND j.created_at < ?" + (backend.isPresent() ? " AND j.backend = ?" : "") + " GROUP BY j.backend";
        try (PreparedStatement s = prepare(c, sql, period, backend); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                tallies.computeIfAbsent(r.getString(1), k -> new Tally()).cost = r.getBigDecimal(2).doubleValue();
            }
        }
    }

    private static void readRuns(Connection c, TimeRange period, Optional<String> backend, Map<String, Tally> tallies) throws SQLException {
        String sql = "SELECT r.backend, COUNT(*), SUM(CASE WHEN " + COMPLETE + " THEN 1 ELSE 0 END) FROM run r "
                + "WHERE r.submitted_at >= ? AND r.submitted_at < ?" + (backend.isPresent() ? " AND r.backend = ?" : "")
                + " GROUP BY r.backend";
        try (PreparedStatement s = prepare(c, sql, period, backend); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Tally t = tallies.computeIfAbsent(r.getString(1), k -> new Tally());
                t.runs = r.getInt(2);
                t.completeRuns = r.getInt(3);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, TimeRange period, Optional<String> backend) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        Columns.setInstant(s, 1, period.from());
        Columns.setInstant(s, 2, period.until());
        if (backend.isPresent()) {
            s.setString(3, backend.get());
        }
        return s;
    }

    private static Instant time(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
