-- Whole-table UPDATE and DELETE on existing tables.
UPDATE orders SET status = 'new'; -- expect: backfill-in-migration
DELETE FROM "Sales"."Events"; -- expect: backfill-in-migration
UPDATE ONLY accounts AS a SET plan = p.name FROM plans p; -- expect: backfill-in-migration
-- Several statements on one line.
SELECT 1; UPDATE items SET qty = 0; -- expect: backfill-in-migration
-- A table of the same name in another schema.
CREATE TABLE staging.items (id bigint, qty int);
UPDATE public.items SET qty = 1; -- expect: backfill-in-migration
WITH gone AS (SELECT 1) DELETE FROM sessions; -- expect: backfill-in-migration
