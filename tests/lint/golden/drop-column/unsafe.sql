ALTER TABLE orders DROP COLUMN legacy_flag; -- expect: drop-column
ALTER TABLE "Sales"."Orders" DROP COLUMN IF EXISTS "Old Name" CASCADE; -- expect: drop-column
ALTER TABLE ONLY accounts DROP legacy; -- expect: drop-column
-- Multi-action ALTER TABLE: each drop at its own line.
ALTER TABLE orders
  ADD COLUMN status_code int,
  DROP COLUMN status, -- expect: drop-column
  DROP COLUMN status_text; -- expect: drop-column
-- Several statements on one line.
ALTER TABLE a DROP COLUMN x; ALTER TABLE b DROP COLUMN y, DROP COLUMN z; -- expect: drop-column, drop-column, drop-column
-- A table of the same name in another schema.
CREATE TABLE staging.items (id bigint, tmp text);
ALTER TABLE public.items DROP COLUMN tmp; -- expect: drop-column
