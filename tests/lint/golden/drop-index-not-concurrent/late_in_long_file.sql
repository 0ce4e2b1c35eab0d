-- lint-test: prefix=long_migration_prefix.sql
DROP INDEX orders_customer_idx; -- expect: drop-index-not-concurrent
