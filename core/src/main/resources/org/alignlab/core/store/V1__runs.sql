-- Schema 1: runs, their write-once params, step metrics, artifacts and provenance.
CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    experiment    TEXT NOT NULL,
    scale         TEXT NOT NULL,
    seed          INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('RUNNING', 'FINISHED', 'FAILED', 'KILLED')),
    owner_pid     INTEGER,
    owner_started INTEGER,
    started_at    TEXT NOT NULL,
    ended_at      TEXT,
    result_json   TEXT,
    error         TEXT
);
CREATE INDEX runs_experiment ON runs (experiment, started_at);
CREATE INDEX runs_status ON runs (status);

CREATE TABLE params (
    run_id TEXT NOT NULL REFERENCES runs (id),
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (run_id, key)
);
CREATE TRIGGER params_write_once BEFORE UPDATE ON params
BEGIN
    SELECT RAISE(ABORT, 'params are write-once');
END;
CREATE TRIGGER params_keep BEFORE DELETE ON params
BEGIN
    SELECT RAISE(ABORT, 'params are write-once');
END;

CREATE TABLE metrics (
    run_id TEXT NOT NULL REFERENCES runs (id),
    seq    INTEGER NOT NULL,
    step   INTEGER NOT NULL,
    name   TEXT NOT NULL,
    value  REAL,
    PRIMARY KEY (run_id, seq)
);
CREATE INDEX metrics_name ON metrics (run_id, name, step);

CREATE TABLE artifacts (
    run_id TEXT NOT NULL REFERENCES runs (id),
    name   TEXT NOT NULL,
    path   TEXT NOT NULL,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE provenance (
    run_id TEXT PRIMARY KEY REFERENCES runs (id),
    json   TEXT NOT NULL
);
