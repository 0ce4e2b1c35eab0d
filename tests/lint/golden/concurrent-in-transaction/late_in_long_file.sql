-- lint-test: prefix=long_migration_prefix.sql
CREATE INDEX CONCURRENTLY orders_note ON orders (note); -- expect: concurrent-in-transaction
