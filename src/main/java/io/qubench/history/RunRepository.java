package io.qubench.history;

import java.util.List;
import java.util.Optional;

/** Every run with its circuit, provenance and result. */
public interface RunRepository {

    /**
     * Keeps {@code run}, its circuit and its result in one transaction: afterwards either all of
     * it is stored or, on failure, none of it.
     *
     * @throws HistoryException if a run with this id is already kept, or the database fails
     */
    void save(RunRecord run);

    /**
     * Keeps the run of a job once, whichever process or listener sees the job end: the first
     * run recorded for {@code run.jobId()} stays, except that a partial one is replaced by the
     * fuller result of the same job resumed. Says whether anything was written.
     *
     * @throws IllegalArgumentException if the run names no job
     */
    boolean saveForJob(RunRecord run);

    Optional<RunRecord> find(String id);

    /** The run recorded for job {@code jobId}, if any. */
    Optional<RunRecord> findByJob(String jobId);

    /** The runs that match, newest submission first. */
    List<RunRecord> list(RunQuery query);

    int count();
}
