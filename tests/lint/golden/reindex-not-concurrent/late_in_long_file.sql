-- lint-test: prefix=long_migration_prefix.sql
REINDEX TABLE orders; -- expect: reindex-not-concurrent
