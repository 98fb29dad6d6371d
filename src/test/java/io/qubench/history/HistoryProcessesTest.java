package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes on one data directory, and a process killed while it writes. */
class HistoryProcessesTest {

    @TempDir
    Path tmp;

    private static final String COMMITTED = "committed ";

    @Test
    void twoInstancesHereAndAChildProcessWriteAtTheSameTimeAndNothingIsLost() throws Exception {
        DataDirectory dir = DataDirectory.create(tmp);
        try (HistoryDatabase a = HistoryDatabase.open(dir); HistoryDatabase b = HistoryDatabase.open(dir)) {
            Process child = new ProcessBuilder(HistoryChildProcess.command("write", tmp.toString(), "25", "child"))
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<List<String>> fromA = CompletableFuture.supplyAsync(() -> write(a, 25, "a"), pool);
                CompletableFuture<List<String>> fromB = CompletableFuture.supplyAsync(() -> write(b, 25, "b"), pool);
                List<String> fromChild = committedIds(child);
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
                assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
                List<String> all = new ArrayList<>(fromChild);
                all.addAll(fromA.get(60, TimeUnit.SECONDS));
                all.addAll(fromB.get(60, TimeUnit.SECONDS));
                assertThat(fromChild).hasSize(25);
                assertThat(a.runs().count()).isEqualTo(75);
                for (String id : all) {
                    assertThat(b.runs().find(id)).as(id).isPresent();
                }
                assertThat(a.runs().list(RunQuery.newest(100).onBackend("child"))).hasSize(25);
                assertThat(a.circuits().count()).as("five circuits, each kept once").isEqualTo(5);
            } finally {
                pool.shutdownNow();
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aProcessKilledWhileSavingLosesNoRunItHadCommitted() throws Exception {
        // Its output goes to a file, so that every line it printed before the kill can be read afterwards.
        Path printedFile = tmp.resolve("child.out");
        Process child = new ProcessBuilder(HistoryChildProcess.command("loop", tmp.toString(), "doomed"))
                .redirectOutput(printedFile.toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
        awaitCommits(printedFile, 30, child);
        assertThat(child.isAlive()).as(Files.readString(tmp.resolve("child.err"))).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> printed = committedLines(printedFile);
        assertThat(printed).hasSizeGreaterThanOrEqualTo(30);
        assertThat(child.exitValue()).as("killed, not finished").isNotZero();
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            for (String id : printed) {
                assertThat(db.runs().find(id)).as("run " + id + " printed as committed").isPresent();
            }
            assertThat(db.runs().count()).isGreaterThanOrEqualTo(printed.size());
            RunRecord after = Samples.run(Samples.bell(), "after", Instant.now());
            db.runs().save(after);
            assertThat(db.runs().find(after.id())).contains(after);
        }
    }

    @Test
    void whenTheProcessServingTheDatabaseDiesAnotherThatHadItOpenCarriesOn() throws Exception {
        Path printedFile = tmp.resolve("child.out");
        Process server = new ProcessBuilder(HistoryChildProcess.command("loop", tmp.toString(), "server"))
                .redirectOutput(printedFile.toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
        try {
            awaitCommits(printedFile, 5, server);
            // The child opened first, so this instance reaches the file through the child's server.
            try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
                RunRecord before = Samples.run(Samples.bell(), "client", Instant.now());
                db.runs().save(before);
                server.destroyForcibly();
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                RunRecord after = Samples.run(Samples.bell(), "client", Instant.now());
                db.runs().save(after);
                assertThat(db.runs().find(before.id())).contains(before);
                assertThat(db.runs().find(after.id())).contains(after);
                for (String id : committedLines(printedFile)) {
                    assertThat(db.runs().find(id)).as("run " + id + " printed as committed").isPresent();
                }
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theSameChargesRecordedByAChildProcessAndHereAtOnceAreEachKeptOnce() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            Process child = new ProcessBuilder(HistoryChildProcess.command("charges", tmp.toString(), "60"))
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            long keptHere = HistoryChildProcess.charges(60).stream().filter(db.ledger()::record).count();
            String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
            assertThat(printed).startsWith("kept ");
            assertThat(keptHere + Long.parseLong(printed.substring(5))).isEqualTo(60);
            assertThat(db.ledger().charges()).hasSize(60);
            assertThat(db.ledger().spentSince("ibm", Instant.EPOCH)).isEqualTo(15.0);
        }
    }

    @Test
    void jobsSavedByAChildProcessAndHereAtOnceAreAllKeptAndTheJobBothSaveStaysOne() throws Exception {
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            Process child = new ProcessBuilder(HistoryChildProcess.command("jobs", tmp.toString(), "20", "child"))
                    .redirectError(tmp.resolve("child.err").toFile()).start();
            List<String> here = HistoryChildProcess.saveJobs(db.jobs(), 20, "here");
            List<String> fromChild = new ArrayList<>();
            for (String line : new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("saved ")) {
                    fromChild.add(line.substring(6));
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.err"))).isZero();
            List<String> all = new ArrayList<>(here);
            all.addAll(fromChild);
            all.add("shared");
            assertThat(fromChild).hasSize(20);
            assertThat(db.jobs().all()).extracting(io.qubench.job.JobRecord::id).containsExactlyInAnyOrderElementsOf(all);
            assertThat(db.jobs().find("shared").orElseThrow().transitions()).hasSize(21);
            assertThat(db.jobs().unsettled()).extracting(io.qubench.job.JobRecord::id).containsExactly("shared");
        }
    }

    @Test
    void jobsOfAKilledProcessAreTakenUpByTheNextEachSettlingOnceWithOneRunPerResult() throws Exception {
        Path printedFile = tmp.resolve("child.out");
        Process child = new ProcessBuilder(HistoryChildProcess.command("service", tmp.toString()))
                .redirectOutput(printedFile.toFile()).redirectError(tmp.resolve("child.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (submitted(printedFile).size() < 20 && child.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        // Killed once it has finished some jobs (and recorded their runs) with others still on the way.
        try (HistoryDatabase watching = HistoryDatabase.open(DataDirectory.create(tmp))) {
            while (watching.runs().count() < 5 && child.isAlive() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
        assertThat(child.isAlive()).as(Files.readString(tmp.resolve("child.err"))).isTrue();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> printed = submitted(printedFile);
        assertThat(printed).hasSizeGreaterThanOrEqualTo(20);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HistoryDatabase db = HistoryDatabase.open(DataDirectory.create(tmp))) {
            var jobs = io.qubench.job.JobService.builder(new io.qubench.backend.Backends(io.qubench.backend.local.SimulatedQueue.NONE,
                    java.time.Clock.systemUTC()), pool).store(db.jobs()).ledger(db.ledger())
                    .pollInterval(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(10)).build();
            RunRecorder recorder = new RunRecorder(db, "next");
            jobs.addListener(recorder);
            List<io.qubench.job.JobRecord> left = db.jobs().unsettled();
            jobs.recover();
            for (io.qubench.job.JobRecord j : left) {
                jobs.await(j.id(), java.time.Duration.ofMinutes(1));
            }
            recorder.catchUp(db.jobs());
            List<io.qubench.job.JobRecord> all = db.jobs().all();
            assertThat(all).extracting(io.qubench.job.JobRecord::id).containsAll(printed).doesNotHaveDuplicates();
            assertThat(db.jobs().unsettled()).isEmpty();
            List<String> withResults = all.stream().filter(j -> j.state() == io.qubench.job.JobState.COMPLETED)
                    .map(io.qubench.job.JobRecord::id).toList();
            assertThat(withResults).as(all.stream().map(j -> j.state() + " " + j.reason() + " " + j.notes()).distinct().toList().toString())
                    .isNotEmpty();
            assertThat(db.runs().count()).isEqualTo(withResults.size());
            for (String id : withResults) {
                assertThat(db.runs().findByJob(id)).as("run of " + id).isPresent();
            }
            assertThat(db.ledger().charges()).extracting(io.qubench.job.Charge::jobId).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> submitted(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        List<String> ids = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith("submitted ")) {
                ids.add(line.substring("submitted ".length()));
            }
        }
        return ids;
    }

    private static void awaitCommits(Path printedFile, int n, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committedLines(printedFile).size() < n && child.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(committedLines(printedFile)).as("commits by the child").hasSizeGreaterThanOrEqualTo(n);
    }

    private static List<String> write(HistoryDatabase db, int n, String backend) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunRecord run = Samples.run(Samples.circuit(i % 5), backend, Instant.now());
            db.runs().save(run);
            ids.add(run.id());
        }
        return ids;
    }

    /** The ids on the complete lines of {@code file}: a line cut off by the kill is left out. */
    private static List<String> committedLines(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        List<String> ids = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (line.startsWith(COMMITTED)) {
                ids.add(line.substring(COMMITTED.length()));
            }
        }
        return ids;
    }

    private static List<String> committedIds(Process child) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(COMMITTED)) {
                    ids.add(line.substring(COMMITTED.length()));
                }
            }
        }
        return ids;
    }
}
