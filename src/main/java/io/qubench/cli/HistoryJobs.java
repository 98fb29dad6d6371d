package io.qubench.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import io.qubench.backend.Backends;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.backend.remote.ProviderSettings;
import io.qubench.backend.remote.RemoteBackends;
import io.qubench.device.PricingTable;
import io.qubench.history.HistoryDatabase;
import io.qubench.history.RunRecorder;
import io.qubench.job.BudgetFile;
import io.qubench.job.JobService;

/** The job service of a CLI command: jobs and charges kept in the history, each finished job recorded as a run. */
final class HistoryJobs {

    private HistoryJobs() {
    }

    /** With the published prices and the saved budgets (budgets.json), which every submission and resume is checked against. */
    static JobService service(HistoryDatabase db, SimulatedQueue queue, Executor executor) {
        return service(db, queue, executor, PricingTable.published());
    }

    /** As above, estimating and charging jobs at {@code pricing}. */
    static JobService service(HistoryDatabase db, SimulatedQueue queue, Executor executor, PricingTable pricing) {
        // The data directory holds the history database, the provider settings, the budgets and the encrypted key file.
        Path dataDir = db.file().toAbsolutePath().getParent();
        RemoteBackends remote = new RemoteBackends(CredentialsCommand.credentials(dataDir), ProviderSettings.load(dataDir, System.getenv()),
                dataDir, fetched -> db.calibrations().save(fetched, "fetched:" + fetched.device()));
        JobService jobs = JobService.builder(new Backends(queue, Clock.systemUTC(), remote), executor).store(db.jobs()).ledger(db.ledger())
                .pricing(pricing).budgets(new BudgetFile(dataDir).load())
                .pollInterval(Duration.ofMillis(20), Duration.ofSeconds(2)).build();
        jobs.addListener(new RunRecorder(db, AppVersion.current()));
        return jobs;
    }

    /** A job's age for people: seconds, minutes, hours or days. */
    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
