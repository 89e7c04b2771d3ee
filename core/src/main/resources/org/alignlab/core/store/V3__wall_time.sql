-- Schema 3: each run's wall time as a column, so listing commands need not parse provenance JSON.
ALTER TABLE runs ADD COLUMN wall_ms INTEGER;
UPDATE runs SET wall_ms = (SELECT CAST(json_extract(p.json, '$.wallMillis') AS INTEGER) FROM provenance p
                           WHERE p.run_id = runs.id)
WHERE status IN ('FINISHED', 'FAILED', 'KILLED');
