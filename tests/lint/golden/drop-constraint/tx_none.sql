-- lint-test: tx=none
-- The SET NOT NULL recipe spread over transactions.
ALTER TABLE orders ADD CONSTRAINT orders_ref_present CHECK (ref IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_ref_present;
BEGIN;
ALTER TABLE orders ALTER COLUMN ref SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_ref_present;
-- A check of a column that was not set NOT NULL still guards something.
ALTER TABLE orders DROP CONSTRAINT orders_total_present; -- expect: drop-constraint
COMMIT;
