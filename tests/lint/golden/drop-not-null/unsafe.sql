ALTER TABLE orders ALTER COLUMN note DROP NOT NULL; -- expect: drop-not-null
ALTER TABLE "Sales"."Orders" ALTER "Total" DROP NOT NULL; -- expect: drop-not-null
-- Multi-action ALTER TABLE.
ALTER TABLE accounts
  ALTER COLUMN email DROP NOT NULL, -- expect: drop-not-null
  ALTER COLUMN name SET DEFAULT '',
  ALTER COLUMN phone DROP NOT NULL; -- expect: drop-not-null
CREATE TABLE staging.items (id bigint, qty int NOT NULL);
ALTER TABLE public.items ALTER COLUMN qty DROP NOT NULL; -- expect: drop-not-null
