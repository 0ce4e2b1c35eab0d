-- lint-test: tx=none
-- Autocommit: each statement commits on its own, so the split works.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
-- Inside an explicit transaction it does not.
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_positive; -- expect: validate-same-tx
COMMIT;
BEGIN;
ALTER TABLE orders ADD CONSTRAINT orders_amount_small CHECK (amount < 1000000) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_small;
COMMIT;
