-- lint-test: live=public.measurements:5000000,public.tiny:10
-- The lock, not a scan, is the harm: even a small parent blocks its readers.
ALTER TABLE tiny DETACH PARTITION tiny_2020; -- expect: detach-partition-not-concurrent
ALTER TABLE not_there_yet DETACH PARTITION nty_2020;
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: detach-partition-not-concurrent
