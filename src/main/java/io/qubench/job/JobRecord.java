package io.qubench.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A job as stored: what was asked, where it ran, every transition, the counts so far and what
 * was charged. Immutable; the job service stores a new record on every change.
 *
 * @param idempotencyKey  one per job; every provider submission's key derives from it, so a retried call never makes a second provider job
 * @param circuitQasm     the circuit as OpenQASM 3, the exact text that ran
 * @param backends        the ranked backends to try, first choice first
 * @param options         as submitted, with the seed chosen
 * @param backend         where the job runs or ran; null before one is chosen
 * @param providerJobId   the provider's id of the current submission; null before it is made
 * @param providerJobIds  every provider job made for this job, one per submitted segment
 * @param counts          counts of every finished segment, merged
 * @param shotsCompleted  shots those counts hold
 * @param segment         how many times the job was resumed after partial results
 * @param failedOver      whether it runs somewhere other than its first choice
 * @param notes           what happened on the way: retries, failovers, skipped backends
 * @param charged         what the ledger holds for this job, in USD
 */
public record JobRecord(String id, String idempotencyKey, String circuitQasm, List<String> backends, int shots,
        JobOptions options, JobState state, List<Transition> transitions, String backend, String providerJobId,
        List<String> providerJobIds, SortedMap<String, Integer> counts, int shotsCompleted, int segment, boolean failedOver,
        String reason, List<String> notes, double estimatedCost, double charged, Instant createdAt) {

    public JobRecord {
        backends = List.copyOf(backends);
        transitions = List.copyOf(transitions);
        providerJobIds = List.copyOf(providerJobIds);
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        notes = List.copyOf(notes);
        reason = reason == null ? "" : reason;
    }

    /** Whether the counts cover fewer shots than asked for. */
    public boolean partial() {
        return shotsCompleted < shots;
    }

    public int shotsRemaining() {
        return shots - shotsCompleted;
    }

    /** The idempotency key of the current segment's submission to {@code backendName}. */
    public String submissionKey(String backendName) {
        return idempotencyKey + "/" + backendName + "/" + segment;
    }

    /** Time since the job was created. */
    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    public Draft edit() {
        return new Draft(this);
    }

    /** A copy being changed. */
    public static final class Draft {
        private final JobRecord from;
        public JobState state;
        public final List<Transition> transitions;
        public String backend;
        public String providerJobId;
        public final List<String> providerJobIds;
        public final SortedMap<String, Integer> counts;
        public int shotsCompleted;
        public int segment;
        public boolean failedOver;
        public String reason;
        public final List<String> notes;
        public double estimatedCost;
        public double charged;

        private Draft(JobRecord r) {
            from = r;
            state = r.state;
            transitions = new ArrayList<>(r.transitions);
            backend = r.backend;
            providerJobId = r.providerJobId;
            providerJobIds = new ArrayList<>(r.providerJobIds);
            counts = new TreeMap<>(r.counts);
            shotsCompleted = r.shotsCompleted;
            segment = r.segment;
            failedOver = r.failedOver;
            reason = r.reason;
            notes = new ArrayList<>(r.notes);
            estimatedCost = r.estimatedCost;
            charged = r.charged;
        }

        public JobRecord build() {
            return new JobRecord(from.id, from.idempotencyKey, from.circuitQasm, from.backends, from.shots,
                    from.options, state, transitions, backend, providerJobId, providerJobIds, counts, shotsCompleted,
                    segment, failedOver, reason, notes, estimatedCost, charged, from.createdAt);
        }
    }
}
