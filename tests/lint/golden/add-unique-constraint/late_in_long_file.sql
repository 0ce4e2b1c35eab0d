-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref); -- expect: add-unique-constraint
