package io.qubench.history;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import io.qubench.job.JobOptions;
import io.qubench.job.JobRecord;
import io.qubench.job.JobState;
import io.qubench.job.Transition;

/** Job records as the job service makes them, for the history's tests. */
final class Jobs {

    static final String BELL3 = """
            OPENQASM 3.0;
            include "stdgates.inc";
            qubit[2] q;
            bit[2] c;
            h q[0];
            cx q[0], q[1];
            c = measure q;
            """;

    private Jobs() {
    }

    /** A job just created at {@code at} for {@code backend}. */
    static JobRecord created(String id, String backend, Instant at) {
        return new JobRecord(id, "key-" + id, BELL3, List.of(backend), 1000, JobOptions.defaults().withSeed(7), JobState.CREATED,
                List.of(new Transition(null, JobState.CREATED, at, "submitted")), null, null, List.of(), new TreeMap<>(), 0, 0, false,
                "", List.of(), 0, 0, at);
    }

    /** {@code job} moved to {@code to} at {@code at}. */
    static JobRecord moved(JobRecord job, JobState to, Instant at, String reason) {
        JobRecord.Draft d = job.edit();
        d.transitions.add(new Transition(job.state(), to, at, reason));
        d.state = to;
        return d.build();
    }

    /** {@code job} run on its first backend to the end with these counts, each step one second after the last. */
    static JobRecord ran(JobRecord job, JobState end, int zeros, int ones, double charged) {
        Instant t = job.transitions().getLast().at();
        JobRecord j = moved(job, JobState.VALIDATING, t.plusSeconds(1), "checking");
        j = moved(j, JobState.QUEUED, t.plusSeconds(2), "waiting");
        JobRecord.Draft d = j.edit();
        d.backend = job.backends().getFirst();
        d.providerJobId = "p-" + job.id();
        d.providerJobIds.add("p-" + job.id());
        d.notes.add("sent");
        j = d.build();
        j = moved(j, JobState.RUNNING, t.plusSeconds(5), "running");
        d = moved(j, end, t.plusSeconds(15), end.name().toLowerCase()).edit();
        d.counts.put("00", zeros);
        d.counts.put("11", ones);
        d.shotsCompleted = zeros + ones;
        d.charged = charged;
        if (end != JobState.COMPLETED) {
            d.reason = end.name().toLowerCase();
        }
        return d.build();
    }
}
