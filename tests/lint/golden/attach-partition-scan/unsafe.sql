-- ATTACH scans the attached table to prove the partition bound.
ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); -- expect: attach-partition-scan
ALTER TABLE "Metrics"."Events" ATTACH PARTITION "Metrics"."Events_Old" DEFAULT; -- expect: attach-partition-scan
ALTER TABLE measurements
  ATTACH PARTITION measurements_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01'); -- expect: attach-partition-scan
SELECT 1; ALTER TABLE a ATTACH PARTITION a1 FOR VALUES IN (1); ALTER TABLE b ATTACH PARTITION b1 FOR VALUES IN (2); -- expect: attach-partition-scan, attach-partition-scan
-- A NOT VALID check proves nothing until it is validated.
ALTER TABLE measurements_2022 ADD CONSTRAINT m2022_bound CHECK (at >= '2022-01-01' AND at < '2023-01-01') NOT VALID;
ALTER TABLE measurements ATTACH PARTITION measurements_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01'); -- expect: attach-partition-scan
-- A new parent does not make an existing table's scan go away.
CREATE TABLE archive (at timestamptz NOT NULL) PARTITION BY RANGE (at);
ALTER TABLE archive ATTACH PARTITION measurements_2019 FOR VALUES FROM ('2019-01-01') TO ('2020-01-01'); -- expect: attach-partition-scan
