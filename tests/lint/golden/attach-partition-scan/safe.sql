-- lint-test: tx=none
-- The safe recipe: a validated CHECK matching the bound lets ATTACH skip its scan.
ALTER TABLE measurements_2024 ADD CONSTRAINT m2024_bound CHECK (at >= '2024-01-01' AND at < '2025-01-01') NOT VALID;
ALTER TABLE measurements_2024 VALIDATE CONSTRAINT m2024_bound;
ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE measurements_2024 DROP CONSTRAINT m2024_bound;
-- A table created in this migration has no rows to scan.
CREATE TABLE "Measurements_2025" (LIKE measurements INCLUDING DEFAULTS);
ALTER TABLE measurements ATTACH PARTITION "Measurements_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
SELECT 'ALTER TABLE measurements ATTACH PARTITION m FOR VALUES IN (1)';
DO $$ BEGIN ALTER TABLE measurements ATTACH PARTITION m FOR VALUES IN (1); END $$;
