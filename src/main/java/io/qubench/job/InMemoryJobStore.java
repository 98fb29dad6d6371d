package io.qubench.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobStore} that lives as long as the process, for tests; the history database keeps the real one (history.H2JobStore). */
public final class InMemoryJobStore implements JobStore {

    private final Map<String, JobRecord> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();

    @Override
    public void save(JobRecord job) {
        jobs.put(job.id(), job);
        idByKey.putIfAbsent(job.idempotencyKey(), job.id());
    }

    @Override
    public Optional<JobRecord> findByIdempotencyKey(String key) {
        String id = idByKey.get(key);
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<JobRecord> all() {
        List<JobRecord> list = new ArrayList<>(jobs.values());
        list.sort(Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id));
        return list;
    }
}
