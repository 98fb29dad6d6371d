package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;

import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobState;
import io.qubench.job.JobStore;
import io.qubench.job.Transition;
import io.qubench.qasm.QasmVersion;

/**
 * The job service's jobs in the history database: one {@code job} row per job (its circuit in
 * {@code circuit}, the rest of the record as JSON) and one {@code job_transition} row per state
 * change, so that service levels can be read from the transitions with SQL. Saving locks the
 * job's row, so several processes saving the same job take turns; saving an id again replaces.
 */
public final class H2JobStore implements JobStore {

    /** What the columns do not hold. Kept as JSON; the options carry no credentials. */
    record Body(List<String> backends, String backend, Long seed, String requestedKey, boolean budgetOverride, double minFidelity,
            boolean emulatorFallback, String providerJobId, List<String> providerJobIds, SortedMap<String, Integer> counts,
            int shotsCompleted, int segment, boolean failedOver, String reason, List<String> notes, double estimatedCost, double charged) {
    }

    private static final TypeReference<Body> BODY = new TypeReference<>() {
    };
    private static final String UNSETTLED = Arrays.stream(JobState.values()).filter(s -> !s.settled())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    private static final String COLUMNS = "j.id, j.idempotency_key, j.shots, j.state, j.backend, j.created_at, j.body, c.qasm_text";

    private final HistoryDatabase db;

    public H2JobStore(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public void save(JobRecord job) {
        if (job.transitions().isEmpty()) {
            throw new IllegalArgumentException("job " + job.id() + " needs at least its first transition");
        }
        try {
            db.inTransaction("save job " + job.id(), c -> saveIn(c, job, false));
        } catch (HistoryException e) {
            // Two processes inserting the same new job at once: one insert loses; tried again, it finds the row and replaces it.
            if (!(e.getCause() instanceof SQLException s && Columns.isDuplicateKey(s))) {
                throw e;
            }
            db.inTransaction("save job " + job.id(), c -> saveIn(c, job, true));
        }
    }

    private static Void saveIn(Connection c, JobRecord job, boolean retried) throws SQLException {
        StoredCircuit circuit = H2CircuitRepository.saveIn(c, StoredCircuit.of(job.circuitQasm(), QasmVersion.V3, Optional.empty()));
        boolean exists;
        // Locking the row makes saves of one job from several processes take turns.
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM job WHERE id = ? FOR UPDATE")) {
            s.setString(1, job.id());
            try (ResultSet r = s.executeQuery()) {
                exists = r.next();
            }
        }
        String sql = exists
                ? "UPDATE job SET circuit_hash = ?, backend = ?, shots = ?, state = ?, external_id = ?, created_at = ?, "
                        + "idempotency_key = ?, body = ? WHERE id = ?"
                : "INSERT INTO job (circuit_hash, backend, shots, state, external_id, created_at, idempotency_key, body, id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, circuit.hash());
            s.setString(2, backendOf(job));
            s.setInt(3, job.shots());
            s.setString(4, job.state().name());
            if (job.providerJobId() != null) {
                s.setString(5, job.providerJobId());
            } else {
                s.setNull(5, Types.VARCHAR);
            }
            Columns.setInstant(s, 6, job.createdAt());
            s.setString(7, job.idempotencyKey());
            s.setString(8, Columns.toJson(bodyOf(job)));
            s.setString(9, job.id());
            s.executeUpdate();
        } catch (SQLException e) {
            if (retried && Columns.isDuplicateKey(e) && e.getMessage().contains("IDEMPOTENCY")) {
                throw new SQLException("another job was already submitted under idempotency key " + job.idempotencyKey(), e);
            }
            throw e;
        }
        saveTransitions(c, job);
        return null;
    }

    /**
     * Brings the job's transition rows to the record's: the rows that already match are kept,
     * those from the first difference on are replaced. A job's transitions only grow, so a save
     * usually just adds the newest.
     */
    private static void saveTransitions(Connection c, JobRecord job) throws SQLException {
        List<Transition> ts = job.transitions();
        int kept = 0;
        int stored = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT from_state, state, entered_at, detail FROM job_transition WHERE job_id = ? ORDER BY step")) {
            s.setString(1, job.id());
            try (ResultSet r = s.executeQuery()) {
                boolean same = true;
                while (r.next()) {
                    stored++;
                    same = same && kept < ts.size() && readTransition(r).equals(withStoredReason(ts.get(kept)));
                    if (same) {
                        kept++;
                    }
                }
            }
        }
        if (stored > kept) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM job_transition WHERE job_id = ? AND step >= ?")) {
                s.setString(1, job.id());
                s.setInt(2, kept);
                s.executeUpdate();
            }
        }
        if (kept >= ts.size()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO job_transition (job_id, step, from_state, state, entered_at, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = kept; i < ts.size(); i++) {
                Transition t = ts.get(i);
                s.setString(1, job.id());
                s.setInt(2, i);
                if (t.from() != null) {
                    s.setString(3, t.from().name());
                } else {
                    s.setNull(3, Types.VARCHAR);
                }
                s.setString(4, t.to().name());
                Columns.setInstant(s, 5, t.at());
                s.setString(6, truncated(t.reason()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return db.inTransaction("read job " + id, c -> query(c, "j.id = ?", id).stream().findFirst());
    }

    @Override
    public List<JobRecord> all() {
        return db.inTransaction("list jobs", c -> query(c, "TRUE"));
    }

    @Override
    public Optional<JobRecord> findByIdempotencyKey(String key) {
        return db.inTransaction("find the job of idempotency key " + key, c -> query(c, "j.idempotency_key = ?", key).stream().findFirst());
    }

    @Override
    public List<JobRecord> unsettled() {
        return db.inTransaction("list unsettled jobs", c -> query(c, "j.state IN (" + UNSETTLED + ")"));
    }

    /** The newest {@code limit} jobs, oldest of them first. */
    public List<JobRecord> newest(int limit) {
        return db.inTransaction("list the newest jobs",
                c -> query(c, "j.id IN (SELECT id FROM job ORDER BY created_at DESC, seq DESC LIMIT ?)", limit));
    }

    public int count() {
        return db.inTransaction("count jobs", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM job")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** The jobs matching {@code where} over {@code job j}, oldest first, each with its transitions. */
    private static List<JobRecord> query(Connection c, String where, Object... params) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM job j JOIN circuit c ON c.hash = j.circuit_hash WHERE "
                + where + " ORDER BY j.created_at, j.seq")) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("id");
                    rows.put(id, new Row(id, r.getString("idempotency_key"), r.getString("qasm_text"), r.getInt("shots"),
                            JobState.valueOf(r.getString("state")), Columns.instant(r, "created_at"),
                            Columns.fromJson(r.getString("body"), BODY, "job " + id), new ArrayList<>()));
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT t.job_id, t.from_state, t.state, t.entered_at, t.detail "
                + "FROM job_transition t JOIN job j ON j.id = t.job_id WHERE " + where + " ORDER BY t.job_id, t.step")) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Row row = rows.get(r.getString("job_id"));
                    if (row != null) {
                        row.transitions.add(readTransition(r));
                    }
                }
            }
        }
        List<JobRecord> out = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            out.add(row.record());
        }
        return out;
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }

    private record Row(String id, String key, String qasm, int shots, JobState state, Instant createdAt, Body b,
            List<Transition> transitions) {

        JobRecord record() {
            JobOptions options = new JobOptions(b.seed(), b.requestedKey(), b.budgetOverride(), b.minFidelity(), b.emulatorFallback());
            return new JobRecord(id, key, qasm, b.backends(), shots, options, state, transitions, b.backend(), b.providerJobId(),
                    b.providerJobIds(), new TreeMap<>(b.counts()), b.shotsCompleted(), b.segment(), b.failedOver(), b.reason(), b.notes(),
                    b.estimatedCost(), b.charged(), createdAt);
        }
    }

    /** The backend a job ran on, or its first choice before one was chosen: what service levels group by. */
    static String backendOf(JobRecord job) {
        return job.backend() != null ? job.backend() : job.backends().getFirst();
    }

    private static Body bodyOf(JobRecord j) {
        JobOptions o = j.options();
        return new Body(j.backends(), j.backend(), o.seed(), o.idempotencyKey(), o.budgetOverride(), o.minFidelity(),
                o.emulatorFallback(), j.providerJobId(), j.providerJobIds(), j.counts(), j.shotsCompleted(), j.segment(), j.failedOver(), j.reason(), j.notes(), j.estimatedCost(),
                j.charged());
    }

    private static Transition readTransition(ResultSet r) throws SQLException {
        String from = r.getString("from_state");
        return new Transition(from == null ? null : JobState.valueOf(from), JobState.valueOf(r.getString("state")),
                Columns.instant(r, "entered_at"), r.getString("detail"));
    }

    private static Transition withStoredReason(Transition t) {
        return new Transition(t.from(), t.to(), t.at(), truncated(t.reason()));
    }

    private static String truncated(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
