-- A stored generated column is computed for every existing row: rewrite.
ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED; -- expect: add-column-generated-stored
ALTER TABLE "Sales"."Orders" ADD "Total" numeric GENERATED ALWAYS AS ("Qty" * "Price") STORED; -- expect: add-column-generated-stored
ALTER TABLE accounts
  ADD COLUMN note text,
  ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(email)) STORED; -- expect: add-column-generated-stored
SELECT 1; ALTER TABLE a ADD y int GENERATED ALWAYS AS (x + 1) STORED; -- expect: add-column-generated-stored
CREATE TABLE "Orders" (id bigint, qty int, price numeric);
ALTER TABLE orders ADD COLUMN total2 numeric GENERATED ALWAYS AS (qty * price) STORED; -- expect: add-column-generated-stored
