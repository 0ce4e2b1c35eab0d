-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-fk-validating
