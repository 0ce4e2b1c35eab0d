-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE measurements DETACH PARTITION measurements_2020; -- expect: detach-partition-not-concurrent
