-- NOT NULL without DEFAULT fails on any table with rows.
ALTER TABLE orders ADD COLUMN region text NOT NULL; -- expect: add-column-required
ALTER TABLE "Sales"."Orders" ADD "Region" text NOT NULL; -- expect: add-column-required
ALTER TABLE orders ADD COLUMN ref bigint PRIMARY KEY; -- expect: add-column-required
ALTER TABLE accounts
  ADD COLUMN tier int NOT NULL, -- expect: add-column-required
  ADD COLUMN note text,
  ADD COLUMN plan text NOT NULL DEFAULT 'free',
  ADD COLUMN owner_id bigint NOT NULL REFERENCES users (id); -- expect: add-column-required
SELECT 1; ALTER TABLE a ADD x int NOT NULL; ALTER TABLE b ADD y int NOT NULL; -- expect: add-column-required, add-column-required
-- "Orders" is new; orders is not.
CREATE TABLE "Orders" (id bigint);
ALTER TABLE orders ADD COLUMN channel text NOT NULL; -- expect: add-column-required
