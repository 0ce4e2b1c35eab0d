-- lint-test: live=public.measurements:5000000,public.measurements_2024:2000000,public.measurements_2025:20
ALTER TABLE measurements ATTACH PARTITION measurements_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
ALTER TABLE measurements ATTACH PARTITION not_there_yet FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); -- expect: attach-partition-scan
