package io.qubench.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second process on the same data directory, started by the tests in a child JVM:
 * <ul>
 * <li>{@code write DIR N TAG}: saves N runs, printing {@code committed ID} after each commit, then exits;</li>
 * <li>{@code loop DIR TAG}: saves runs until killed, printing {@code committed ID} after each commit;</li>
 * <li>{@code charges DIR N}: records the charges {@code p-0} … {@code p-(N-1)}, printing {@code kept K}, how many were new;</li>
 * <li>{@code jobs DIR N TAG}: saves N jobs through their lifecycle, and job {@code shared} at each step, printing {@code saved ID};</li>
 * <li>{@code service DIR}: runs jobs through the job service with the history as store, ledger and recorder, one
 * after another on a small queue latency, printing {@code submitted ID} after each submission, until killed;</li>
 * <li>{@code exclusive DIR}: opens the database the way a plain H2 tool would (no mixed mode), prints
 * {@code open} and holds it until its input closes.</li>
 * </ul>
 */
public final class HistoryChildProcess {

    private HistoryChildProcess() {
    }

    /** The command line that starts this class in a JVM with the test's own classpath and the Vector API the engines use. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), HistoryChildProcess.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static void main(String[] args) throws Exception {
        DataDirectory dir = DataDirectory.create(Path.of(args[1]));
        switch (args[0]) {
            case "write" -> {
                try (HistoryDatabase db = HistoryDatabase.open(dir)) {
                    write(db, Integer.parseInt(args[2]), args[3]);
                }
            }
            case "loop" -> {
                HistoryDatabase db = HistoryDatabase.open(dir);
                write(db, Integer.MAX_VALUE, args[2]);
            }
            case "charges" -> {
                try (HistoryDatabase db = HistoryDatabase.open(dir)) {
                    System.out.println("kept " + charges(Integer.parseInt(args[2])).stream().filter(db.ledger()::record).count());
                }
            }
            case "jobs" -> {
                try (HistoryDatabase db = HistoryDatabase.open(dir)) {
                    for (String id : saveJobs(db.jobs(), Integer.parseInt(args[2]), args[3])) {
                        System.out.println("saved " + id);
                    }
                }
            }
            case "service" -> {
                HistoryDatabase db = HistoryDatabase.open(dir);
                var jobs = io.qubench.job.JobService.builder(new io.qubench.backend.Backends(
                        new io.qubench.backend.local.SimulatedQueue(java.time.Duration.ofMillis(30), java.time.Duration.ZERO),
                        java.time.Clock.systemUTC()), java.util.concurrent.Executors.newFixedThreadPool(2)).store(db.jobs())
                        .ledger(db.ledger()).pollInterval(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(20)).build();
                jobs.addListener(new RunRecorder(db, "child"));
                while (true) {
                    String id = jobs.submit(RunRecorderTest.BELL, "emulator:manila", 50, io.qubench.job.JobOptions.defaults()).id();
                    System.out.println("submitted " + id);
                    System.out.flush();
                    TimeUnit.MILLISECONDS.sleep(10);
                }
            }
            case "exclusive" -> {
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.historyDatabase(), "sa", "")) {
                    c.createStatement().execute("CREATE TABLE IF NOT EXISTS someone_elses (x INT)");
                    System.out.println("open");
                    System.out.flush();
                    System.in.read();
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** The same charges whichever process records them. */
    static List<io.qubench.job.Charge> charges(int n) {
        List<io.qubench.job.Charge> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new io.qubench.job.Charge("p-" + i, "job-" + i, "ibm:kingston", "ibm", 100, 0.25, Instant.parse("2026-11-02T09:00:00Z")));
        }
        return out;
    }

    /** Saves {@code n} jobs of its own through their lifecycle, and job {@code shared} one step further each time. */
    static List<String> saveJobs(io.qubench.job.JobStore store, int n, String tag) {
        Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
        List<String> ids = new ArrayList<>();
        io.qubench.job.JobRecord shared = Jobs.created("shared", "local", t0);
        for (int i = 0; i < n; i++) {
            io.qubench.job.JobRecord j = Jobs.created(tag + "-" + i, "emulator:manila", t0.plusSeconds(i));
            store.save(j);
            store.save(Jobs.ran(j, io.qubench.job.JobState.COMPLETED, i, n - i, 0));
            ids.add(j.id());
            shared = Jobs.moved(shared, i % 2 == 0 ? io.qubench.job.JobState.VALIDATING : io.qubench.job.JobState.CREATED,
                    t0.plusSeconds(i), tag);
            store.save(shared);
        }
        return ids;
    }

    private static void write(HistoryDatabase db, int runs, String tag) throws InterruptedException {
        RunRepository repo = db.runs();
        for (int i = 0; i < runs; i++) {
            RunRecord run = Samples.run(Samples.circuit(i % 5), tag, Instant.now());
            repo.save(run);
            System.out.println("committed " + run.id());
            System.out.flush();
            if (runs == Integer.MAX_VALUE) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
    }
}
