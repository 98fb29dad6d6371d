package io.qubench.history;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

final class H2CostRepository implements CostRepository {

    private final HistoryDatabase db;

    H2CostRepository(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public void record(CostEntry e) {
        db.inTransaction("record a cost of " + e.amount().toPlainString() + " " + e.currency() + " from " + e.provider(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cost_entry (provider, amount, currency, charged_at, run_id, job_id, "
                    + "description) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, e.provider());
                s.setBigDecimal(2, e.amount());
                s.setString(3, e.currency());
                Columns.setInstant(s, 4, e.at());
                Columns.setOptional(s, 5, e.runId());
                Columns.setOptional(s, 6, e.jobId());
                s.setString(7, e.description());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<CostEntry> entries(TimeRange period) {
        return db.inTransaction("read the cost ledger", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT provider, amount, currency, charged_at, run_id, job_id, description "
                    + "FROM cost_entry WHERE charged_at >= ? AND charged_at < ? ORDER BY charged_at, id")) {
                Columns.setInstant(s, 1, period.from());
                Columns.setInstant(s, 2, period.until());
                List<CostEntry> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new CostEntry(r.getString("provider"), r.getBigDecimal("amount"), r.getString("currency"),
                                Columns.instant(r, "charged_at"), Columns.optional(r, "run_id"), Columns.optional(r, "job_id"),
                                r.getString("description")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<CostTotal> totals(TimeRange period) {
        return db.inTransaction("sum the cost ledger", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT provider, currency, SUM(amount) FROM cost_entry "
                    + "WHERE charged_at >= ? AND charged_at < ? GROUP BY provider, currency ORDER BY provider, currency")) {
                Columns.setInstant(s, 1, period.from());
                Columns.setInstant(s, 2, period.until());
                List<CostTotal> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new CostTotal(r.getString(1), r.getString(2), r.getBigDecimal(3).setScale(CostEntry.SCALE)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public BigDecimal total(String provider, String currency, TimeRange period) {
        return totals(period).stream().filter(t -> t.provider().equals(provider) && t.currency().equals(currency)).map(CostTotal::amount)
                .findFirst().orElse(BigDecimal.ZERO.setScale(CostEntry.SCALE));
    }
}
