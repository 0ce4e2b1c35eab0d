ALTER TABLE orders DROP CONSTRAINT orders_customer_fk; -- expect: drop-constraint
ALTER TABLE "Sales"."Orders" DROP CONSTRAINT IF EXISTS "Orders_Ref_Key" CASCADE; -- expect: drop-constraint
-- Multi-action ALTER TABLE: each drop at its own line.
ALTER TABLE accounts
  DROP CONSTRAINT accounts_email_key, -- expect: drop-constraint
  ADD CONSTRAINT accounts_email_lower_key UNIQUE (email),
  DROP CONSTRAINT accounts_plan_chk; -- expect: drop-constraint
-- SET NOT NULL on one column does not excuse dropping another column's check.
ALTER TABLE items ALTER COLUMN qty SET NOT NULL, DROP CONSTRAINT items_price_not_null; -- expect: drop-constraint
CREATE TABLE staging.items (id bigint CONSTRAINT items_pk PRIMARY KEY);
ALTER TABLE public.items DROP CONSTRAINT items_pk; -- expect: drop-constraint
