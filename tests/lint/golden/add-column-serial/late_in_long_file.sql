-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD COLUMN seq bigserial; -- expect: add-column-serial
