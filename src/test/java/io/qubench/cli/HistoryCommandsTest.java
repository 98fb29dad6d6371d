package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code submit} into the history, then {@code jobs}, {@code cancel}, {@code history} and {@code slis} over it. */
class HistoryCommandsTest {

    private static final String BELL = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\n"
            + "cx q[0], q[1];\nmeasure q -> c;\n";

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
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
    void aJobSubmittedWithoutWaitingIsKeptQueuedShownByJobsAndRunByJobsRun() throws IOException {
        assertThat(run("submit", bell().toString(), "--backend", "emulator:manila", "--shots", "200", "--json", "--data-dir", data()))
                .isZero();
        String id = json().get("job").asText();
        assertThat(json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(err.toString()).contains("qubench jobs --run");

        assertThat(run("jobs", "--json", "--data-dir", data())).isZero();
        JsonNode jobs = json();
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("job").asText()).isEqualTo(id);
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("QUEUED");
        assertThat(jobs.get(0).get("backend").asText()).isEqualTo("emulator:manila");
        assertThat(jobs.get(0).get("age_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(run("history", "--json", "--data-dir", data())).isZero();
        assertThat(json()).isEmpty();

        assertThat(run("jobs", "--run", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains(id).contains("COMPLETED").contains("emulator:manila");
        assertThat(run("history", "show", id, "--json", "--data-dir", data())).isZero();
        assertThat(json().get("shots").asInt()).isEqualTo(200);
    }

    @Test
    void historyListsTheRunsOfFinishedJobsAndShowGivesCountsAndProvenance() throws IOException {
        Path file = bell();
        for (int seed = 1; seed <= 3; seed++) {
            assertThat(run("submit", file.toString(), "--backend", "emulator:nairobi", "--shots", "100", "--seed", "" + seed, "--wait",
                    "--json", "--data-dir", data())).as(err.toString()).isZero();
        }
        String lastJob = json().get("job").asText();
        assertThat(run("history", "--json", "--limit", "2", "--data-dir", data())).isZero();
        JsonNode runs = json();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("job").asText()).isEqualTo(lastJob);
        String runId = runs.get(0).get("run").asText();

        assertThat(run("history", "show", runId, "--json", "--data-dir", data())).isZero();
        JsonNode shown = json();
        int total = 0;
        for (JsonNode c : shown.get("counts")) {
            total += c.asInt();
        }
        assertThat(total).isEqualTo(100);
        JsonNode p = shown.get("provenance");
        assertThat(p.get("backend").asText()).isEqualTo("emulator:nairobi");
        assertThat(p.get("seed").asLong()).isEqualTo(3);
        assertThat(p.get("calibration_id").asText()).hasSize(64);
        assertThat(p.get("circuit_hash").asText()).hasSize(64);
        assertThat(p.get("circuit").asText()).contains("OPENQASM 3");
        assertThat(p.get("app_version").asText()).isEqualTo(AppVersion.current());
        assertThat(p.get("transpiler_settings").get("transpile").asText()).isEqualTo("qubench");

        assertThat(run("history", "show", runId, "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("emulator:nairobi").contains("seed         3").contains("OPENQASM 3");
        assertThat(run("history", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains(runId);
    }

    @Test
    void cancelEndsAQueuedJobAndRefusesOneAlreadyEnded() throws IOException {
        assertThat(run("submit", bell().toString(), "--backend", "local", "--json", "--data-dir", data())).isZero();
        String id = json().get("job").asText();
        assertThat(run("cancel", id, "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("job " + id + " cancelled (it was QUEUED)");
        assertThat(run("jobs", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("CANCELLED").contains("cancelled by the user");
        assertThat(run("cancel", id, "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("has already ended CANCELLED");
    }

    @Test
    void slisSummarisesEachBackendsJobs() throws IOException {
        Path file = bell();
        assertThat(run("submit", file.toString(), "--backend", "emulator:manila", "--shots", "50", "--wait", "--data-dir", data())).isZero();
        assertThat(run("submit", file.toString(), "--backend", "local", "--shots", "50", "--wait", "--data-dir", data())).isZero();
        assertThat(run("slis", "--json", "--days", "1", "--data-dir", data())).isZero();
        JsonNode levels = json();
        assertThat(levels).extracting(l -> l.get("backend").asText()).containsExactly("emulator:manila", "local");
        JsonNode manila = levels.get(0);
        assertThat(manila.get("jobs").asInt()).isEqualTo(1);
        assertThat(manila.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(manila.get("provenance_completeness").asDouble()).isEqualTo(1.0);
        assertThat(manila.get("orchestration_ms").get("count").asInt()).isEqualTo(1);
        assertThat(manila.get("cost_per_success").asDouble()).isZero();

        assertThat(run("slis", "--backend", "local", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("local: 1 jobs (1 completed").contains("success rate            100.0 %")
                .doesNotContain("manila");
    }

    @Test
    void anUnknownIdOrAnUnopenableDatabaseExitsTwoWithTheReason() throws IOException {
        assertThat(run("cancel", "job-ghost", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("no job job-ghost");
        assertThat(run("history", "show", "ghost", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("no run ghost");

        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("history.mv.db"), "not a database");
        for (String[] args : new String[][] {{"jobs"}, {"history"}, {"slis"}, {"cancel", "x"}, {"history", "show", "x"},
                {"submit", bell().toString(), "--backend", "local"}}) {
            String[] withDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data-dir",
                    broken.toString())).toArray(String[]::new);
            assertThat(run(withDir)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).contains("Cannot open the history database").contains("damaged");
        }
    }
}
