-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED; -- expect: add-column-generated-stored
