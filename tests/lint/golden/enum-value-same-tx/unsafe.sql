-- strata wraps the migration in one transaction.
ALTER TYPE order_status ADD VALUE 'refunded';
UPDATE orders SET status = 'refunded' WHERE id = 1; -- expect: enum-value-same-tx
INSERT INTO order_log (status) VALUES ('refunded'); -- expect: enum-value-same-tx
ALTER TYPE "Sales"."Mood" ADD VALUE IF NOT EXISTS 'Elated' AFTER 'happy';
SELECT 1; ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'refunded'; -- expect: enum-value-same-tx
CREATE INDEX CONCURRENTLY orders_elated ON orders (id) WHERE mood = 'Elated'; -- expect: enum-value-same-tx
