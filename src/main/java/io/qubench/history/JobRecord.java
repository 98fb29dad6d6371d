package io.qubench.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A job: a circuit sent to a backend, with every state it went through, oldest first; enough
 * to resume it after a restart.
 *
 * @param externalId the provider's own id of the job once it has one
 */
public record JobRecord(String id, StoredCircuit circuit, String backend, int shots, Optional<String> externalId,
        List<JobTransition> transitions) {

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(externalId, "externalId");
        transitions = List.copyOf(transitions);
        if (transitions.isEmpty()) {
            throw new IllegalArgumentException("job " + id + " needs at least its first state");
        }
    }

    /** A new job in state {@link JobState#CREATED} at {@code at}, with a fresh random id. */
    public static JobRecord create(StoredCircuit circuit, String backend, int shots, Instant at) {
        return new JobRecord(UUID.randomUUID().toString(), circuit, backend, shots, Optional.empty(),
                List.of(new JobTransition(JobState.CREATED, at, "")));
    }

    public JobState state() {
        return transitions.getLast().state();
    }

    public Instant createdAt() {
        return transitions.getFirst().at();
    }
}
