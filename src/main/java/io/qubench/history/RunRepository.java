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

    Optional<RunRecord> find(String id);

    /** The runs that match, newest submission first. */
    List<RunRecord> list(RunQuery query);

    int count();
}
