package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

final class H2JobRepository implements JobRepository {

    private static final String UNFINISHED = Arrays.stream(JobState.values()).filter(s -> !s.isTerminal())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final HistoryDatabase db;

    H2JobRepository(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public void save(JobRecord job) {
        db.inTransaction("save job " + job.id(), c -> {
            H2CircuitRepository.saveIn(c, job.circuit());
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO job (id, circuit_hash, backend, shots, state, external_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, job.id());
                s.setString(2, job.circuit().hash());
                s.setString(3, job.backend());
                s.setInt(4, job.shots());
                s.setString(5, job.state().name());
                Columns.setOptional(s, 6, job.externalId());
                s.executeUpdate();
            } catch (SQLException e) {
                throw Columns.isDuplicateKey(e) ? new SQLException("a job with id " + job.id() + " is already kept", e) : e;
            }
            for (int i = 0; i < job.transitions().size(); i++) {
                insertTransition(c, job.id(), i, job.transitions().get(i));
            }
            return null;
        });
    }

    @Override
    public JobRecord append(String jobId, JobTransition transition) {
        return db.inTransaction("record job " + jobId + " entering " + transition.state(), c -> {
            // Locking the job's row makes concurrent appends from several processes take turns.
            JobState current;
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM job WHERE id = ? FOR UPDATE")) {
                s.setString(1, jobId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("there is no job " + jobId);
                    }
                    current = JobState.valueOf(r.getString(1));
                }
            }
            if (current.isTerminal()) {
                throw new IllegalStateException("job " + jobId + " is already " + current + " and cannot become " + transition.state());
            }
            int step;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM job_transition WHERE job_id = ?")) {
                s.setString(1, jobId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    step = r.getInt(1);
                }
            }
            insertTransition(c, jobId, step, transition);
            try (PreparedStatement s = c.prepareStatement("UPDATE job SET state = ? WHERE id = ?")) {
                s.setString(1, transition.state().name());
                s.setString(2, jobId);
                s.executeUpdate();
            }
            return findIn(c, jobId).orElseThrow();
        });
    }

    @Override
    public void setExternalId(String jobId, String externalId) {
        db.inTransaction("record the provider's id of job " + jobId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE job SET external_id = ? WHERE id = ?")) {
                s.setString(1, externalId);
                s.setString(2, jobId);
                if (s.executeUpdate() == 0) {
                    throw new SQLException("there is no job " + jobId);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<JobRecord> find(String jobId) {
        return db.inTransaction("read job " + jobId, c -> findIn(c, jobId));
    }

    @Override
    public List<JobRecord> unfinished() {
        return db.inTransaction("list unfinished jobs", c -> {
            List<String> ids = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("SELECT id FROM job WHERE state IN (" + UNFINISHED + ") ORDER BY seq")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            List<JobRecord> jobs = new ArrayList<>();
            for (String id : ids) {
                jobs.add(findIn(c, id).orElseThrow());
            }
            return jobs;
        });
    }

    private static void insertTransition(Connection c, String jobId, int step, JobTransition t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO job_transition (job_id, step, state, entered_at, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setInt(2, step);
            s.setString(3, t.state().name());
            Columns.setInstant(s, 4, t.at());
            s.setString(5, t.detail());
            s.executeUpdate();
        }
    }

    private static Optional<JobRecord> findIn(Connection c, String jobId) throws SQLException {
        String hash;
        String backend;
        int shots;
        Optional<String> externalId;
        try (PreparedStatement s = c.prepareStatement("SELECT circuit_hash, backend, shots, external_id FROM job WHERE id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                hash = r.getString("circuit_hash");
                backend = r.getString("backend");
                shots = r.getInt("shots");
                externalId = Columns.optional(r, "external_id");
            }
        }
        List<JobTransition> transitions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT state, entered_at, detail FROM job_transition WHERE job_id = ? ORDER BY step")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    transitions.add(new JobTransition(JobState.valueOf(r.getString("state")), Columns.instant(r, "entered_at"),
                            r.getString("detail")));
                }
            }
        }
        return Optional.of(new JobRecord(jobId, H2CircuitRepository.require(c, hash), backend, shots, externalId, transitions));
    }
}
