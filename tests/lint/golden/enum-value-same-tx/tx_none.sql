-- lint-test: tx=none
-- Autocommit: ADD VALUE is committed before the next statement.
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE id = 1;
-- An explicit transaction.
BEGIN;
ALTER TYPE order_status ADD VALUE 'voided';
UPDATE orders SET status = 'voided' WHERE id = 2; -- expect: enum-value-same-tx
COMMIT;
UPDATE orders SET status = 'voided' WHERE id = 3;
