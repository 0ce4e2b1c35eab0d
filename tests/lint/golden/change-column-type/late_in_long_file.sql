-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: change-column-type
