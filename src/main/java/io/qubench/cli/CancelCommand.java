package io.qubench.cli;

import java.util.concurrent.Callable;

import io.qubench.backend.local.SimulatedQueue;
import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.job.JobRecord;
import io.qubench.job.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qubench cancel ID}: cancels a job kept in the history, and its provider's job when it has one. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job kept in the history (see qubench jobs).")
final class CancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "ID", description = "the job's id")
    String id;

    @Override
    public Integer call() {
        try (HistoryDatabase db = dataDir.open()) {
            JobService jobs = HistoryJobs.service(db, SimulatedQueue.NONE, task -> {
                throw new IllegalStateException("cancelling starts no job");
            });
            JobRecord before = jobs.current(id);
            if (!jobs.cancel(id)) {
                throw new UserInputException("job " + id + " has already ended " + before.state() + "; there is nothing to cancel");
            }
            spec.commandLine().getOut().println("job " + id + " cancelled (it was " + before.state() + ")");
            return 0;
        }
    }
}
