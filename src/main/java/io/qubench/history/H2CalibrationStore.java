package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import io.qubench.device.Calibration;
import io.qubench.device.CalibrationStore;
import io.qubench.device.GateCalibration;
import io.qubench.device.QubitCalibration;

/**
 * Calibration snapshots in the history database. A snapshot's id is the SHA-256 of its device,
 * timestamp and values, so saving an equal snapshot again, from any process, finds the one kept.
 */
final class H2CalibrationStore implements CalibrationStore {

    /** The per-qubit and per-gate values, kept as one JSON column. */
    record Values(List<QubitCalibration> qubits, List<GateCalibration> gates) {
    }

    private static final TypeReference<Values> VALUES = new TypeReference<>() {
    };

    private final HistoryDatabase db;

    H2CalibrationStore(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public String save(Calibration calibration, String source) {
        String body = Columns.toJson(new Values(calibration.qubits(), calibration.gates()));
        String id = StoredCircuit.sha256(calibration.device() + "\n" + calibration.timestamp() + "\n" + body);
        return db.inTransaction("save the calibration of " + calibration.device() + " at " + calibration.timestamp(), c -> {
            if (findIn(c, id).isPresent()) {
                return id;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO calibration (id, device, taken_at, source, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, calibration.device());
                s.setObject(3, calibration.timestamp());
                s.setString(4, source);
                s.setString(5, body);
                Columns.setInstant(s, 6, Instant.now());
                s.executeUpdate();
            } catch (SQLException e) {
                // Saved by another process meanwhile: the same id means the same snapshot.
                if (!Columns.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return id;
        });
    }

    @Override
    public List<Calibration> history(String device) {
        return db.inTransaction("read the calibrations of " + device, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, device, taken_at, body FROM calibration WHERE device = ? ORDER BY taken_at, seq")) {
                s.setString(1, device);
                return read(s);
            }
        });
    }

    @Override
    public Optional<Calibration> latest(String device) {
        return db.inTransaction("read the latest calibration of " + device, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, device, taken_at, body FROM calibration WHERE device = ? ORDER BY taken_at DESC, seq DESC LIMIT 1")) {
                s.setString(1, device);
                return read(s).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Calibration> find(String id) {
        return db.inTransaction("read calibration " + id, c -> findIn(c, id));
    }

    private static Optional<Calibration> findIn(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, device, taken_at, body FROM calibration WHERE id = ?")) {
            s.setString(1, id);
            return read(s).stream().findFirst();
        }
    }

    private static List<Calibration> read(PreparedStatement s) throws SQLException {
        List<Calibration> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Values v = Columns.fromJson(r.getString("body"), VALUES, "calibration " + r.getString("id"));
                out.add(new Calibration(r.getString("device"), r.getObject("taken_at", OffsetDateTime.class), v.qubits(), v.gates()));
            }
        }
        return out;
    }
}
