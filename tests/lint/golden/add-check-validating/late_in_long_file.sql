-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0); -- expect: add-check-validating
