package io.qubench.history;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One run as the history keeps it: the exact circuit, its provenance and its result. */
public record RunRecord(String id, StoredCircuit circuit, Provenance provenance, ResultRecord result, Optional<String> jobId) {

    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(jobId, "jobId");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a run id must not be blank");
        }
    }

    /** A new run with a fresh random id. */
    public static RunRecord create(StoredCircuit circuit, Provenance provenance, ResultRecord result, Optional<String> jobId) {
        return new RunRecord(UUID.randomUUID().toString(), circuit, provenance, result, jobId);
    }
}
