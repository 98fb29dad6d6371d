package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.backend.credentials.Credentials;
import io.qubench.backend.credentials.EncryptedFileSecretStore;
import io.qubench.backend.credentials.EnvironmentSecrets;
import io.qubench.backend.remote.StubProviderServer;
import io.qubench.backend.remote.StubProviderServer.Reply;
import io.qubench.backend.remote.ionq.IonqBackend;
import io.qubench.backend.remote.ionq.IonqClient;
import io.qubench.history.DataDirectory;
import io.qubench.history.HistoryDatabase;
import io.qubench.history.RunRecorder;
import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import io.qubench.job.JobState;
import io.qubench.qasm.QasmReader;

/**
 * A run on a provider with a fake key, then every place Qubench writes is searched for it:
 * the history database and every other file in the data directory, what the process printed,
 * and the job and run as the CLI reports and exports them.
 */
class CredentialLeakTest {

    private static final String FAKE_KEY = "FAKE-qubench-leak-canary-7c1e9b2d";

    @TempDir
    Path dir;

    @Test
    void aProviderKeyIsNeverWrittenToTheHistoryTheLogsOrTheReports() throws Exception {
        Path data = dir.resolve("data");
        Credentials credentials = new Credentials(new EnvironmentSecrets(java.util.Map.of()),
                new EncryptedFileSecretStore(data.resolve(Credentials.SECRETS_FILE), "passphrase".toCharArray(), 1_000));
        credentials.save("ionq", FAKE_KEY);

        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String jobId;
        try (StubProviderServer ionq = new StubProviderServer()) {
            ionq.answer(CredentialLeakTest::ionq);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            IonqBackend backend = new IonqBackend("simulator", new IonqClient(ionq.uri("/v0.4"),
                    () -> credentials.key("ionq").orElseThrow(), HttpClient.newHttpClient(), Duration.ofSeconds(20), Clock.systemUTC()));
            try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(data))) {
                JobService jobs = JobService.builder(name -> backend, Runnable::run).store(db.jobs()).ledger(db.ledger())
                        .sleeper(d -> { }).pollInterval(Duration.ofMillis(1), Duration.ofMillis(1)).build();
                jobs.addListener(new RunRecorder(db, AppVersion.current()));
                JobRecord job = jobs.current(jobs.submit(QasmReader.parse("OPENQASM 2.0; include \"qelib1.inc\"; qreg q[1]; creg c[1];"
                        + " h q[0]; measure q[0] -> c[0];", "h.qasm"), "ionq:simulator", 100, JobOptions.defaults()).id());
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);
                assertThat(ionq.requests()).anyMatch(r -> ("apiKey " + FAKE_KEY).equals(r.header("Authorization")));
                jobId = job.id();
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }

        StringWriter reports = new StringWriter();
        PrintWriter report = new PrintWriter(reports);
        for (List<String> args : List.of(List.of("jobs", "--json"), List.of("history", "--json"), List.of("history", "show", jobId, "--json"),
                List.of("history", "show", jobId), List.of("slis", "--json"), List.of("credentials", "status"))) {
            List<String> withDir = new java.util.ArrayList<>(args);
            withDir.addAll(List.of("--data-dir", data.toString()));
            assertThat(QubenchCli.run(withDir.toArray(String[]::new), report, report)).as(String.join(" ", args)).isZero();
        }

        assertThat(reports.toString()).contains(jobId).doesNotContain(FAKE_KEY);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(FAKE_KEY);
        byte[] canary = FAKE_KEY.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(file), canary)).as(file.toString()).isEqualTo(-1);
            }
        }
        assertThat(data.resolve("history.mv.db")).exists();
    }

    /** IonQ's documented shapes. */
    private static Reply ionq(StubProviderServer.Request r) {
        if (r.path().startsWith("/v0.4/backends")) {
            return Reply.ok("[{\"backend\":\"simulator\",\"status\":\"available\",\"qubits\":29}]");
        }
        if (r.method().equals("GET") && r.path().startsWith("/v0.4/jobs?")) {
            return Reply.ok("{\"jobs\":[]}");
        }
        if (r.method().equals("POST")) {
            return Reply.ok("{\"id\":\"ion-1\",\"status\":\"submitted\"}");
        }
        if (r.path().endsWith("/results/probabilities")) {
            return Reply.ok("{\"0\":0.5,\"1\":0.5}");
        }
        return Reply.ok("{\"id\":\"ion-1\",\"status\":\"completed\"}");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
