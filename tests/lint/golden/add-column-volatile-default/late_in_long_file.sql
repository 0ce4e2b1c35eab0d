-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default
