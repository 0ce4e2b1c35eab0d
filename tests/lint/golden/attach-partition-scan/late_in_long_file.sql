-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE measurements ATTACH PARTITION measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01'); -- expect: attach-partition-scan
