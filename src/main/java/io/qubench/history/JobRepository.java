package io.qubench.history;

import java.util.List;
import java.util.Optional;

/** Jobs and the states they went through, so that unfinished ones can be resumed after a restart. */
public interface JobRepository {

    /** Keeps a new job (and its circuit) with the transitions it has so far. */
    void save(JobRecord job);

    /**
     * Records that job {@code jobId} entered a new state; returns the job as it now is.
     *
     * @throws IllegalStateException if the job is already in a terminal state
     * @throws HistoryException if there is no such job, or the database fails
     */
    JobRecord append(String jobId, JobTransition transition);

    /** Remembers the provider's id of the job, once the provider has given one. */
    void setExternalId(String jobId, String externalId);

    Optional<JobRecord> find(String jobId);

    /** Jobs not yet in a terminal state, oldest first: the ones to resume after a restart. */
    List<JobRecord> unfinished();
}
