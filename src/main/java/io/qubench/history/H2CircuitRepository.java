package io.qubench.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

import io.qubench.qasm.QasmVersion;

final class H2CircuitRepository implements CircuitRepository {

    private final HistoryDatabase db;

    H2CircuitRepository(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public StoredCircuit save(StoredCircuit circuit) {
        return db.inTransaction("save circuit " + circuit.hash(), c -> saveIn(c, circuit));
    }

    @Override
    public Optional<StoredCircuit> find(String hash) {
        return db.inTransaction("read circuit " + hash, c -> findIn(c, hash));
    }

    @Override
    public int count() {
        return db.inTransaction("count circuits", c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM circuit")) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    /** Inserts {@code circuit} unless its text is kept already, inside the caller's transaction. */
    static StoredCircuit saveIn(Connection c, StoredCircuit circuit) throws SQLException {
        Optional<StoredCircuit> kept = findIn(c, circuit.hash());
        if (kept.isPresent()) {
            return kept.get();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO circuit (hash, qasm_text, qasm_version, name, stored_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, circuit.hash());
            s.setString(2, circuit.text());
            s.setString(3, circuit.qasmVersion().name());
            if (circuit.name().isPresent()) {
                s.setString(4, circuit.name().get());
            } else {
                s.setNull(4, Types.VARCHAR);
            }
            Columns.setInstant(s, 5, Instant.now());
            s.executeUpdate();
            return circuit;
        } catch (SQLException e) {
            // Another process stored the same text between our look and our insert: theirs is as good.
            if (Columns.isDuplicateKey(e)) {
                return findIn(c, circuit.hash()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    static Optional<StoredCircuit> findIn(Connection c, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT qasm_text, qasm_version, name FROM circuit WHERE hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCircuit(hash, r.getString("qasm_text"), QasmVersion.valueOf(r.getString("qasm_version")),
                        Columns.optional(r, "name")));
            }
        }
    }

    static StoredCircuit require(Connection c, String hash) throws SQLException {
        return findIn(c, hash).orElseThrow(() -> new SQLException("circuit " + hash + " is missing"));
    }
}
