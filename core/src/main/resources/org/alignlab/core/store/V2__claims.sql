-- Schema 2: batches (one `reproduce` or `run` command) and the claim verdicts they measured.
CREATE TABLE batches (
    id         TEXT PRIMARY KEY,
    command    TEXT NOT NULL,
    scale      TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at   TEXT
);

ALTER TABLE runs ADD COLUMN batch TEXT REFERENCES batches (id);
CREATE INDEX runs_batch ON runs (batch);

CREATE TABLE claim_results (
    batch         TEXT NOT NULL REFERENCES batches (id),
    experiment    TEXT NOT NULL,
    claim         TEXT NOT NULL,
    node          TEXT NOT NULL,
    verdict       TEXT NOT NULL,
    demonstration INTEGER NOT NULL,
    statement     TEXT NOT NULL,
    source        TEXT NOT NULL,
    setup_note    TEXT NOT NULL,
    published     REAL,
    tolerance     TEXT NOT NULL,
    band_lo       REAL,
    band_hi       REAL,
    n             INTEGER NOT NULL,
    mean          REAL,
    ci_lo         REAL,
    ci_hi         REAL,
    values_json   TEXT NOT NULL,
    run_ids       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (batch, experiment, claim)
);
