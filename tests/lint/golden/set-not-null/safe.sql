-- lint-test: tx=none
-- The safe recipe: CHECK NOT VALID, VALIDATE, then SET NOT NULL skips its scan.
ALTER TABLE orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_nn;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_status_nn;
-- A validated check covering two quoted / mixed-case columns.
ALTER TABLE "Sales"."Accounts" ADD CONSTRAINT accounts_nn CHECK ("Email" IS NOT NULL AND name IS NOT NULL);
ALTER TABLE "Sales"."Accounts"
  ALTER COLUMN "Email" SET NOT NULL,
  ALTER COLUMN name SET NOT NULL;
-- A new table.
CREATE TABLE "Events" (id bigint, kind text);
ALTER TABLE "Events" ALTER COLUMN kind SET NOT NULL;
-- Text and bodies.
SELECT 'ALTER TABLE orders ALTER COLUMN status SET NOT NULL';
DO $$ BEGIN ALTER TABLE orders ALTER COLUMN status SET NOT NULL; END $$;
