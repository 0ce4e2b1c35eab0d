-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY; -- expect: add-column-identity
