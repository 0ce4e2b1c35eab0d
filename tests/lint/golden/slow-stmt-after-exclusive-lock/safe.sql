-- lint-test: tx=none
-- The safe shape: commit right after the statement that takes ACCESS EXCLUSIVE.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN status text;
COMMIT;
UPDATE orders SET status = 'new' WHERE id = 1;
CREATE INDEX CONCURRENTLY orders_status ON orders (status);

BEGIN;
-- Targeted fixes and NOT VALID constraints are quick.
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = 'x' WHERE id = 42;
ALTER TABLE orders ADD CONSTRAINT orders_note_len CHECK (char_length(note) < 500) NOT VALID;
-- Work on a table created in this transaction is quick too.
CREATE TABLE "Staging" (id bigint, v text);
INSERT INTO "Staging" SELECT id, status FROM orders;
UPDATE "Staging" SET v = upper(v);
CREATE INDEX staging_v ON "Staging" (v);
-- Text mentioning a backfill is not one.
SELECT 'UPDATE orders SET status = 1';
COMMIT;

-- No ACCESS EXCLUSIVE lock before: the SHARE lock of CREATE INDEX is another rule's concern.
BEGIN;
CREATE INDEX orders_placed ON orders (placed_at);
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_len;
COMMIT;
