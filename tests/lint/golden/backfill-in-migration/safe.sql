-- Targeted fixes with a WHERE clause (heuristic: taken to touch few rows).
UPDATE orders SET status = 'new' WHERE id = 42;
DELETE FROM "Sales"."Events" WHERE id IN (1, 2, 3);
-- A table created earlier in the file is empty or just filled.
CREATE TABLE "Staging" (id bigint, v text);
INSERT INTO "Staging" VALUES (1, 'a');
UPDATE "Staging" SET v = upper(v);
DELETE FROM "Staging";
-- Text and bodies that mention a backfill.
SELECT 'UPDATE orders SET status = 1';
/* UPDATE orders SET status = 1; /* nested */ DELETE FROM orders; */
CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM sessions $$;
