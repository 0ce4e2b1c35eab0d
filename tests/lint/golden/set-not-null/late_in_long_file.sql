-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ALTER COLUMN status SET NOT NULL; -- expect: set-not-null
