package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

final class H2RunRepository implements RunRepository {

    private static final TypeReference<TreeMap<String, String>> SETTINGS = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, Integer>> COUNTS = new TypeReference<>() {
    };
    private static final String COLUMNS = "r.id, r.circuit_hash, r.job_id, r.backend, r.calibration_id, r.transpiler_settings, r.shots, "
            + "r.seed, r.app_version, r.submitted_at, r.completed_at, x.counts, x.statevector, x.is_partial";

    private final HistoryDatabase db;

    H2RunRepository(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public void save(RunRecord run) {
        db.inTransaction("save run " + run.id(), c -> {
            H2CircuitRepository.saveIn(c, run.circuit());
            try {
                insertRun(c, run);
            } catch (SQLException e) {
                throw Columns.isDuplicateKey(e) ? new SQLException("a run with id " + run.id() + " is already kept", e) : e;
            }
            insertResult(c, run.id(), run.result());
            return null;
        });
    }

    @Override
    public boolean saveForJob(RunRecord run) {
        String jobId = run.jobId().orElseThrow(() -> new IllegalArgumentException("run " + run.id() + " names no job"));
        try {
            return db.inTransaction("record the run of job " + jobId, c -> saveForJobIn(c, run, jobId));
        } catch (HistoryException e) {
            // Another process recorded the same job's run between our look and our insert.
            if (e.getCause() instanceof SQLException s && Columns.isDuplicateKey(s)) {
                return db.inTransaction("record the run of job " + jobId, c -> saveForJobIn(c, run, jobId));
            }
            throw e;
        }
    }

    private static boolean saveForJobIn(Connection c, RunRecord run, String jobId) throws SQLException {
        String keptId = null;
        boolean keptPartial = false;
        int keptShots = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT r.id, x.is_partial, x.counts FROM run r JOIN run_result x ON x.run_id = r.id "
                + "WHERE r.job_id = ? FOR UPDATE")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    keptId = r.getString("id");
                    keptPartial = r.getBoolean("is_partial");
                    keptShots = Columns.fromJson(r.getString("counts"), COUNTS, "run " + keptId).values().stream()
                            .mapToInt(Integer::intValue).sum();
                }
            }
        }
        if (keptId == null) {
            H2CircuitRepository.saveIn(c, run.circuit());
            insertRun(c, run);
            insertResult(c, run.id(), run.result());
            return true;
        }
        if (!keptPartial || run.result().totalShots() <= keptShots) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE run_result SET counts = ?, is_partial = ? WHERE run_id = ?")) {
            s.setString(1, Columns.toJson(run.result().counts()));
            s.setBoolean(2, run.result().partial());
            s.setString(3, keptId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE run SET completed_at = ? WHERE id = ?")) {
            Columns.setInstant(s, 1, run.provenance().completedAt());
            s.setString(2, keptId);
            s.executeUpdate();
        }
        return true;
    }

    @Override
    public Optional<RunRecord> findByJob(String jobId) {
        return db.inTransaction("read the run of job " + jobId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM run r JOIN run_result x ON x.run_id = r.id WHERE r.job_id = ?")) {
                s.setString(1, jobId);
                return read(c, s).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<RunRecord> find(String id) {
        return db.inTransaction("read run " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM run r JOIN run_result x ON x.run_id = r.id WHERE r.id = ?")) {
                s.setString(1, id);
                List<RunRecord> found = read(c, s);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<RunRecord> list(RunQuery query) {
        return db.inTransaction("list runs", c -> {
            StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM run r JOIN run_result x ON x.run_id = r.id WHERE TRUE");
            query.backend().ifPresent(b -> sql.append(" AND r.backend = ?"));
            query.period().ifPresent(p -> sql.append(" AND r.submitted_at >= ? AND r.submitted_at < ?"));
            sql.append(" ORDER BY r.submitted_at DESC, r.seq DESC LIMIT ?");
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (query.backend().isPresent()) {
                    s.setString(i++, query.backend().get());
                }
                if (query.period().isPresent()) {
                    Columns.setInstant(s, i++, query.period().get().from());
                    Columns.setInstant(s, i++, query.period().get().until());
                }
                s.setInt(i, query.limit());
                return read(c, s);
            }
        });
    }

    @Override
    public int count() {
        return db.inTransaction("count runs", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM run")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private static void insertRun(Connection c, RunRecord run) throws SQLException {
        Provenance p = run.provenance();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run (id, circuit_hash, job_id, backend, calibration_id, "
                + "transpiler_settings, shots, seed, app_version, submitted_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, run.id());
            s.setString(2, run.circuit().hash());
            Columns.setOptional(s, 3, run.jobId());
            s.setString(4, p.backend());
            Columns.setOptional(s, 5, p.calibrationId());
            s.setString(6, Columns.toJson(p.transpilerSettings()));
            s.setInt(7, p.shots());
            if (p.seed().isPresent()) {
                s.setLong(8, p.seed().get());
            } else {
                s.setNull(8, Types.BIGINT);
            }
            s.setString(9, p.appVersion());
            Columns.setInstant(s, 10, p.submittedAt());
            Columns.setInstant(s, 11, p.completedAt());
            s.executeUpdate();
        }
    }

    private static void insertResult(Connection c, String runId, ResultRecord result) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO run_result (run_id, counts, statevector, is_partial) VALUES (?, ?, ?, ?)")) {
            s.setString(1, runId);
            s.setString(2, Columns.toJson(result.counts()));
            if (result.hasStatevector()) {
                s.setBytes(3, Columns.pack(result.statevector()));
            } else {
                s.setNull(3, Types.BLOB);
            }
            s.setBoolean(4, result.partial());
            s.executeUpdate();
        }
    }

    private static List<RunRecord> read(Connection c, PreparedStatement s) throws SQLException {
        List<RunRecord> runs = new ArrayList<>();
        Map<String, StoredCircuit> circuits = new TreeMap<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                String where = "run " + id;
                long seed = r.getLong("seed");
                Optional<Long> maybeSeed = r.wasNull() ? Optional.empty() : Optional.of(seed);
                Provenance p = new Provenance(r.getString("backend"), Columns.optional(r, "calibration_id"),
                        Columns.fromJson(r.getString("transpiler_settings"), SETTINGS, where), r.getInt("shots"), maybeSeed,
                        r.getString("app_version"), Columns.instant(r, "submitted_at"), Columns.instant(r, "completed_at"));
                byte[] amplitudes = r.getBytes("statevector");
                ResultRecord result = new ResultRecord(Columns.fromJson(r.getString("counts"), COUNTS, where),
                        amplitudes == null ? null : Columns.unpack(amplitudes), r.getBoolean("is_partial"));
                String hash = r.getString("circuit_hash");
                StoredCircuit circuit = circuits.get(hash);
                if (circuit == null) {
                    circuit = H2CircuitRepository.require(c, hash);
                    circuits.put(hash, circuit);
                }
                runs.add(new RunRecord(id, circuit, p, result, Columns.optional(r, "job_id")));
            }
        }
        return runs;
    }
}
