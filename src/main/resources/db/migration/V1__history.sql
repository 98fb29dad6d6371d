-- The run history. Timestamps keep nanoseconds and their offset so that what is read back
-- equals what was written.

CREATE TABLE circuit (
    hash          VARCHAR(64) PRIMARY KEY,
    qasm_text     CHARACTER LARGE OBJECT NOT NULL,
    qasm_version  VARCHAR(8) NOT NULL,
    name          VARCHAR(1000),
    stored_at     TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

CREATE TABLE calibration (
    id         VARCHAR(64) PRIMARY KEY,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    device     VARCHAR(200) NOT NULL,
    taken_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    source     VARCHAR(4000) NOT NULL,
    body       CHARACTER LARGE OBJECT NOT NULL,
    stored_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX calibration_by_device ON calibration (device, taken_at);

CREATE TABLE job (
    id            VARCHAR(200) PRIMARY KEY,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    circuit_hash  VARCHAR(64) NOT NULL REFERENCES circuit (hash),
    backend       VARCHAR(200) NOT NULL,
    shots         INT NOT NULL,
    state         VARCHAR(20) NOT NULL,
    external_id   VARCHAR(500)
);
CREATE INDEX job_by_state ON job (state);

CREATE TABLE job_transition (
    job_id      VARCHAR(200) NOT NULL REFERENCES job (id),
    step        INT NOT NULL,
    state       VARCHAR(20) NOT NULL,
    entered_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    detail      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job_id, step)
);

-- Not foreign keys: a run may come from a job or calibration kept elsewhere (an in-memory store).
CREATE TABLE run (
    id                   VARCHAR(200) PRIMARY KEY,
    seq                  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    circuit_hash         VARCHAR(64) NOT NULL REFERENCES circuit (hash),
    job_id               VARCHAR(200),
    backend              VARCHAR(200) NOT NULL,
    calibration_id       VARCHAR(64),
    transpiler_settings  CHARACTER LARGE OBJECT NOT NULL,
    shots                INT NOT NULL,
    seed                 BIGINT,
    app_version          VARCHAR(100) NOT NULL,
    submitted_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    completed_at         TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX run_by_submission ON run (submitted_at, seq);
CREATE INDEX run_by_backend ON run (backend, submitted_at);

CREATE TABLE run_result (
    run_id       VARCHAR(200) PRIMARY KEY REFERENCES run (id),
    counts       CHARACTER LARGE OBJECT NOT NULL,
    statevector  BINARY LARGE OBJECT,
    is_partial   BOOLEAN NOT NULL
);

CREATE TABLE cost_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider     VARCHAR(200) NOT NULL,
    amount       DECIMAL(30, 12) NOT NULL,
    currency     CHAR(3) NOT NULL,
    charged_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    run_id       VARCHAR(200),
    job_id       VARCHAR(200),
    description  VARCHAR(4000) NOT NULL
);
CREATE INDEX cost_by_time ON cost_entry (charged_at, provider);
