package io.qubench.job;

import java.util.List;
import java.util.Optional;

/** Where jobs are kept, so that after a restart queued and running jobs are picked up again. */
public interface JobStore {

    /** Inserts or replaces the job with this id. */
    void save(JobRecord job);

    Optional<JobRecord> find(String id);

    List<JobRecord> all();

    /** The job submitted under {@code key}, if any: submitting again with a key makes no second job. */
    default Optional<JobRecord> findByIdempotencyKey(String key) {
        return all().stream().filter(j -> j.idempotencyKey().equals(key)).findFirst();
    }

    /** Jobs that have not settled: to be polled or started again after a restart. */
    default List<JobRecord> unsettled() {
        return all().stream().filter(j -> !j.state().settled()).toList();
    }
}
