-- A staging table created earlier in the same migration.
CREATE TABLE "Import_Batch" (id bigint, payload jsonb);
CREATE TABLE import.rows (id bigint);
INSERT INTO "Import_Batch" VALUES (1, '{}');
DROP TABLE "Import_Batch", import.rows;
-- Unquoted names fold to lower case: Tmp is tmp.
CREATE TABLE tmp (id bigint);
DROP TABLE Tmp;
-- Strings, comments and bodies that mention DROP TABLE.
SELECT 'DROP TABLE orders';
COMMENT ON TABLE tmp_kept IS 'DROP TABLE orders; -- not really';
/* DROP TABLE orders; /* nested */ DROP TABLE accounts; */
CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  DROP TABLE orders;
END
$fn$;
DO $$ BEGIN EXECUTE 'DROP TABLE accounts'; END $$;
-- Dropping other kinds of objects is not this rule's concern.
DROP VIEW orders_view;
DROP INDEX CONCURRENTLY IF EXISTS orders_idx;
