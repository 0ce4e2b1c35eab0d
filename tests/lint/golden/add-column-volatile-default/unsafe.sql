-- A volatile default is evaluated per row: the table is rewritten.
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT clock_timestamp(); -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN jitter float8 NOT NULL DEFAULT random() * 10; -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN n bigint DEFAULT nextval('orders_n_seq'); -- expect: add-column-volatile-default
ALTER TABLE "Sales"."Orders"
  ADD COLUMN "Ref" uuid DEFAULT uuid_generate_v4(), -- expect: add-column-volatile-default
  ADD COLUMN placed timestamptz DEFAULT now(),
  ADD COLUMN "Salt" text DEFAULT md5(random()::text); -- expect: add-column-volatile-default
SELECT 1; ALTER TABLE a ADD x uuid DEFAULT gen_random_uuid(); ALTER TABLE b ADD y int DEFAULT 1; -- expect: add-column-volatile-default

-- A function strata does not know may be volatile (CREATE FUNCTION's default).
ALTER TABLE orders ADD COLUMN code text DEFAULT make_order_code(); -- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN code2 text DEFAULT app.make_code(); -- expect: add-column-volatile-default

-- "Orders" is new; orders is not.
CREATE TABLE "Orders" (id bigint);
ALTER TABLE orders ADD COLUMN token2 uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default
