-- lint-test: tx=none
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
BEGIN; ALTER TABLE orders ADD CONSTRAINT orders_region_fk FOREIGN KEY (region_id) REFERENCES regions (id); -- expect: add-fk-validating
COMMIT;
