-- Jobs as the job service keeps them (io.qubench.job.JobRecord), charges of its cost ledger,
-- and at most one run per job.

-- V1's job rows came from a job model no released version wrote to (the job service kept its
-- jobs in memory); they cannot be resumed by the job service, so they go.
DELETE FROM job_transition;
DELETE FROM job;

-- The first transition's time: the job's age, and the order jobs are listed and recovered in.
ALTER TABLE job ADD COLUMN created_at TIMESTAMP(9) WITH TIME ZONE NOT NULL;
-- Submitting twice under one key makes one job, even from two processes.
ALTER TABLE job ADD COLUMN idempotency_key VARCHAR(500) NOT NULL;
CREATE UNIQUE INDEX job_by_idempotency_key ON job (idempotency_key);
-- The rest of the record (ranked backends, options, counts so far, notes, costs) as JSON.
ALTER TABLE job ADD COLUMN body CHARACTER LARGE OBJECT NOT NULL;
CREATE INDEX job_by_creation ON job (created_at, seq);

-- The state left, so that a transition row alone says what changed (null for the first).
ALTER TABLE job_transition ADD COLUMN from_state VARCHAR(20);

-- A charge of the job service's ledger is one line of cost_entry, keyed by the provider job
-- it pays for: a second charge for the same provider job is refused by the index.
ALTER TABLE cost_entry ADD COLUMN charge_key VARCHAR(1000);
ALTER TABLE cost_entry ADD COLUMN backend VARCHAR(200);
ALTER TABLE cost_entry ADD COLUMN shots INT;
CREATE UNIQUE INDEX cost_by_charge_key ON cost_entry (charge_key);
CREATE INDEX cost_by_job ON cost_entry (job_id);

-- A job is recorded as a run once, whichever process sees it end. V1 allowed several runs to
-- name one job: the first keeps the link, the others keep everything but it.
UPDATE run SET job_id = NULL WHERE job_id IS NOT NULL
    AND seq NOT IN (SELECT MIN(seq) FROM run WHERE job_id IS NOT NULL GROUP BY job_id);
CREATE UNIQUE INDEX run_by_job ON run (job_id);
