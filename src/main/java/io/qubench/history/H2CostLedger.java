package io.qubench.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.qubench.job.Charge;
import io.qubench.job.CostLedger;

/**
 * The job service's {@link CostLedger} as lines of the history's one cost ledger
 * ({@code cost_entry}, read by {@link CostRepository} too). Each charge's key is a unique column,
 * so a provider job is charged once however many processes record it. Amounts are US dollars.
 */
public final class H2CostLedger implements CostLedger {

    static final String CURRENCY = "USD";

    private final HistoryDatabase db;

    public H2CostLedger(HistoryDatabase db) {
        this.db = db;
    }

    @Override
    public boolean record(Charge charge) {
        return db.inTransaction("record the charge " + charge.key(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cost_entry (provider, amount, currency, charged_at, job_id, "
                    + "description, charge_key, backend, shots) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, charge.provider());
                s.setBigDecimal(2, BigDecimal.valueOf(charge.amount()).setScale(CostEntry.SCALE, RoundingMode.HALF_EVEN));
                s.setString(3, CURRENCY);
                Columns.setInstant(s, 4, charge.at());
                s.setString(5, charge.jobId());
                s.setString(6, charge.shots() + " shots on " + charge.backend());
                s.setString(7, charge.key());
                s.setString(8, charge.backend());
                s.setInt(9, charge.shots());
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Columns.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Every dollar line, oldest first; one entered by hand (no key) is keyed by its line number. */
    @Override
    public List<Charge> charges() {
        return db.inTransaction("read the charges", c -> {
            List<Charge> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, charge_key, job_id, backend, provider, shots, amount, charged_at "
                    + "FROM cost_entry WHERE currency = ? ORDER BY charged_at, id")) {
                s.setString(1, CURRENCY);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String key = r.getString("charge_key");
                        String provider = r.getString("provider");
                        String backend = r.getString("backend");
                        out.add(new Charge(key != null ? key : "entry-" + r.getLong("id"), r.getString("job_id"),
                                backend != null ? backend : provider, provider, r.getInt("shots"), r.getBigDecimal("amount").doubleValue(),
                                Columns.instant(r, "charged_at")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public double spentSince(String provider, Instant since) {
        return sum("SUM(amount)", provider, since).doubleValue();
    }

    @Override
    public long shotsSince(String provider, Instant since) {
        return sum("SUM(COALESCE(shots, 0))", provider, since).longValue();
    }

    private BigDecimal sum(String what, String provider, Instant since) {
        boolean all = provider.equals("*");
        return db.inTransaction("sum the charges of " + provider + " since " + since, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + what + " FROM cost_entry WHERE currency = ? AND charged_at >= ?"
                    + (all ? "" : " AND provider = ?"))) {
                s.setString(1, CURRENCY);
                Columns.setInstant(s, 2, since);
                if (!all) {
                    s.setString(3, provider);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    BigDecimal v = r.getBigDecimal(1);
                    return v == null ? BigDecimal.ZERO : v;
                }
            }
        });
    }
}
