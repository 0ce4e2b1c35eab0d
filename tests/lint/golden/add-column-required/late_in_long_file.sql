-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD COLUMN region text NOT NULL; -- expect: add-column-required
