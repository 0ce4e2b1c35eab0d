-- DETACH without CONCURRENTLY locks the whole partitioned table.
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: detach-partition-not-concurrent
ALTER TABLE "Metrics"."Events" DETACH PARTITION "Metrics"."Events_2020"; -- expect: detach-partition-not-concurrent
ALTER TABLE measurements
  DETACH PARTITION measurements_2021; -- expect: detach-partition-not-concurrent
SELECT 1; ALTER TABLE a DETACH PARTITION a1; ALTER TABLE b DETACH PARTITION b1; -- expect: detach-partition-not-concurrent, detach-partition-not-concurrent
-- staging.measurements is new; public.measurements is not.
CREATE TABLE staging.measurements (at timestamptz) PARTITION BY RANGE (at);
ALTER TABLE public.measurements DETACH PARTITION measurements_2022; -- expect: detach-partition-not-concurrent
