package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.history.DataDirectory;
import io.qubench.history.HistoryDatabase;
import io.qubench.job.BudgetFile;
import io.qubench.job.JobRecord;

/** {@code qubench budget set|list|remove}, and the budgets holding {@code submit} and {@code estimate} to them. */
class BudgetCommandTest {

    private static final String BELL = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\n"
            + "cx q[0], q[1];\nmeasure q -> c;\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return QubenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private Path bell() throws IOException {
        return Files.writeString(dir.resolve("bell.qasm"), BELL);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void setListAndRemoveKeepTheBudgetsInTheDataDirectory() throws IOException {
        assertThat(run("budget", "set", "ibm", "--period", "month", "--limit", "50", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("the monthly budget for ibm is now $50.00");
        assertThat(run("budget", "set", "*", "--period", "day", "--shots", "2000", "--data-dir", data())).isZero();
        assertThat(run("budget", "set", "ibm", "--period", "month", "--limit", "80", "--shots", "9000", "--data-dir", data())).isZero();
        assertThat(Path.of(data(), BudgetFile.FILE_NAME)).exists();

        assertThat(run("budget", "list", "--json", "--data-dir", data())).isZero();
        JsonNode rows = json();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("provider").asText()).isEqualTo("ibm");
        assertThat(rows.get(0).get("period").asText()).isEqualTo("month");
        assertThat(rows.get(0).get("limit_usd").asDouble()).isEqualTo(80);
        assertThat(rows.get(0).get("shot_quota").asLong()).isEqualTo(9000);
        assertThat(rows.get(0).get("spent_usd").asDouble()).isZero();
        assertThat(rows.get(0).get("forecast_usd").asDouble()).isZero();
        assertThat(rows.get(0).get("runs_out_at").isNull()).isTrue();
        assertThat(rows.get(1).get("provider").asText()).isEqualTo("*");
        assertThat(rows.get(1).get("limit_usd").isNull()).isTrue();

        assertThat(run("budget", "remove", "ibm", "--period", "month", "--data-dir", data())).isZero();
        assertThat(run("budget", "list", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("the daily budget for all providers (2000 shots)").doesNotContain("ibm");
        assertThat(run("budget", "remove", "ibm", "--period", "month", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("no monthly budget for ibm");
    }

    @Test
    void badInputExitsTwoSayingWhatIsWrong() {
        assertThat(run("budget", "set", "acme", "--period", "day", "--limit", "5", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown provider 'acme'").contains("ibm, ionq, braket, *");
        assertThat(run("budget", "set", "ibm", "--period", "year", "--limit", "5", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("--period must be day, week or month, not 'year'");
        assertThat(run("budget", "set", "ibm", "--period", "day", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("--limit USD, --shots N or both");
        assertThat(run("budget", "set", "ibm", "--period", "day", "--limit", "-3", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("--limit must be 0 or more");
        assertThat(run("budget", "set", "ibm", "--period", "day", "--shots", "-3", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("--shots must be 0 or more");
        assertThat(Path.of(data(), BudgetFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void aBadBudgetsFileStopsSubmitNamingTheFileAndIsLeftAsItIs() throws IOException {
        Path file = Files.createDirectories(Path.of(data())).resolve(BudgetFile.FILE_NAME);
        Files.writeString(file, "{\"budgets\": [{\"provider\": \"ibm\", \"period\": \"day\", \"shots\": -1}]}");
        assertThat(run("submit", bell().toString(), "--backend", "emulator:manila", "--shots", "10", "--wait", "--data-dir", data()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(file.toString()).contains("budgets[0].shots");
        assertThat(run("budget", "set", "ibm", "--period", "week", "--shots", "5", "--data-dir", data())).isEqualTo(2);
        assertThat(Files.readString(file)).contains("-1");
    }

    @Test
    void aShotQuotaBlocksASubmissionThatWouldPassItUnlessOverriddenAndListShowsTheShotsUsed() throws IOException {
        String file = bell().toString();
        assertThat(run("budget", "set", "*", "--period", "day", "--shots", "1000", "--data-dir", data())).isZero();
        assertThat(run("submit", file, "--backend", "emulator:manila", "--shots", "600", "--seed", "1", "--wait", "--data-dir", data()))
                .isZero();

        assertThat(run("estimate", file, "--backend", "emulator:manila", "--shots", "600", "--json", "--data-dir", data())).isZero();
        assertThat(json().get("budgets_exceeded")).hasSize(1);
        assertThat(json().get("budgets_exceeded").get(0).asText()).contains("daily shot quota of 1000").contains("600 used");

        assertThat(run("submit", file, "--backend", "emulator:manila", "--shots", "600", "--wait", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("600 shots on emulator:manila would pass the daily shot quota of 1000 for all providers")
                .contains("600 used or committed");

        assertThat(run("submit", file, "--backend", "emulator:manila", "--shots", "600", "--wait", "--override-budget", "--json",
                "--data-dir", data())).isZero();
        JsonNode job = json();
        assertThat(job.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(job.get("budget_override").asBoolean()).isTrue();
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.resolve(Optional.of(Path.of(data()))))) {
            Optional<JobRecord> kept = db.jobs().find(job.get("job").asText());
            assertThat(kept).hasValueSatisfying(j -> assertThat(j.options().budgetOverride()).isTrue());
        }

        assertThat(run("budget", "list", "--json", "--data-dir", data())).isZero();
        assertThat(json().get(0).get("shots_used").asLong()).isEqualTo(1200);
        assertThat(run("budget", "list", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("1200 shots used since");
    }

    @Test
    void estimateSaysWhichMoneyBudgetsTheRunWouldPass() throws IOException {
        String file = bell().toString();
        assertThat(run("estimate", file, "--backend", "braket:forte-1", "--shots", "100", "--data-dir", data())).isZero();
        assertThat(out.toString()).doesNotContain("over budget");

        assertThat(run("budget", "set", "braket", "--period", "week", "--limit", "5", "--data-dir", data())).isZero();
        assertThat(run("budget", "set", "ibm", "--period", "week", "--limit", "1", "--data-dir", data())).isZero();
        assertThat(run("estimate", file, "--backend", "braket:forte-1", "--shots", "100", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("over budget: 100 shots on braket:forte-1 would cost $8.3000, but the weekly budget for "
                + "braket is $5.00").doesNotContain("ibm");
    }

    @Test
    void aMoneyBudgetForAllProvidersBlocksAnEmulatorRunPricedByTheUsersPricesAndListShowsTheSpend() throws IOException {
        String file = bell().toString();
        Path prices = dir.resolve("pricing.json");
        assertThat(run("backends", "--write-pricing", prices.toString())).isZero();
        String published = Files.readString(prices);
        int emulator = published.indexOf("\"emulator:*\"");
        Files.writeString(prices, published.substring(0, emulator)
                + published.substring(emulator).replaceFirst("\"perShot\" : 0\\.0", "\"perShot\" : 0.01"));
        assertThat(run("budget", "set", "*", "--period", "day", "--limit", "5", "--data-dir", data())).isZero();

        assertThat(run("submit", file, "--backend", "emulator:manila", "--shots", "300", "--wait", "--pricing", prices.toString(),
                "--json", "--data-dir", data())).isZero();
        assertThat(json().get("charged").asDouble()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run("submit", file, "--backend", "emulator:manila", "--shots", "300", "--wait", "--pricing", prices.toString(),
                "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("300 shots on emulator:manila would cost $3.0000, but the daily budget for all providers "
                + "is $5.00 and $3.0000 of it is spent");

        assertThat(run("budget", "list", "--json", "--data-dir", data())).isZero();
        JsonNode row = json().get(0);
        assertThat(row.get("spent_usd").asDouble()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("shots_used").asLong()).isEqualTo(300);
        assertThat(row.get("burn_usd_per_day").asDouble()).isEqualTo(3.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("forecast_usd").asDouble()).isBetween(3.0, 3.0 + 3.0 / 7);
    }
}
