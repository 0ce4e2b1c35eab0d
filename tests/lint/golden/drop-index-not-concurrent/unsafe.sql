-- DROP INDEX takes ACCESS EXCLUSIVE on the index's table, however briefly.
DROP INDEX orders_customer_idx; -- expect: drop-index-not-concurrent
DROP INDEX IF EXISTS "Sales"."Orders_Ref"; -- expect: drop-index-not-concurrent

-- Several statements on one line; several indexes in one statement: one finding.
SELECT 1; DROP INDEX a_idx, b_idx; DROP INDEX c_idx; -- expect: drop-index-not-concurrent, drop-index-not-concurrent

-- An index created earlier in this file on an existing table still locks that table.
CREATE INDEX orders_placed ON orders (placed_at);
DROP INDEX orders_placed; -- expect: drop-index-not-concurrent

-- The new table is staging.items; the index dropped is in public.
CREATE TABLE staging.items (id bigint);
CREATE INDEX items_id ON staging.items (id);
DROP INDEX public.items_id; -- expect: drop-index-not-concurrent

-- "Events" (quoted) is new, events is not.
CREATE TABLE "Events" (id bigint, kind text);
CREATE INDEX "Events_Kind" ON events (kind);
DROP INDEX "Events_Kind"; -- expect: drop-index-not-concurrent
