-- lint-test: tx=none
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
ALTER TABLE measurements DETACH PARTITION measurements_2021 FINALIZE;
-- A partitioned table created in this migration.
CREATE TABLE "Events" (at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE "Events_2020" PARTITION OF "Events" FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
ALTER TABLE "Events" DETACH PARTITION "Events_2020";
SELECT 'ALTER TABLE measurements DETACH PARTITION measurements_2020';
DO $$ BEGIN ALTER TABLE measurements DETACH PARTITION measurements_2020; END $$;
