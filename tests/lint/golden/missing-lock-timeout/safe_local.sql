-- strata's transaction makes SET LOCAL last until the end of the migration.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE "Sales"."Orders" ALTER COLUMN note SET DEFAULT '';
