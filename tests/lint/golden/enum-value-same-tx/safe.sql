-- lint-test: tx=none
BEGIN;
ALTER TYPE order_status ADD VALUE 'refunded';
-- Other labels are fine; so is adding a second value next to the new one.
UPDATE orders SET status = 'paid' WHERE id = 1;
ALTER TYPE order_status ADD VALUE 'chargeback' AFTER 'refunded';
COMMIT;
BEGIN;
UPDATE orders SET status = 'refunded' WHERE id = 1;
COMMIT;
-- Case matters: 'Refunded' is another label.
BEGIN;
ALTER TYPE order_status ADD VALUE 'disputed';
UPDATE orders SET note = 'Disputed' WHERE id = 2;
COMMIT;
