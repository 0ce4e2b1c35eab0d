-- A type change that is not binary-coercible rewrites the table and its indexes.
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: change-column-type
ALTER TABLE "Sales"."Orders" ALTER COLUMN "Amount" SET DATA TYPE numeric(12,2); -- expect: change-column-type
-- The old type is unknown: say so rather than stay quiet.
ALTER TABLE orders ALTER COLUMN note TYPE text; -- expect: change-column-type

-- Old types known from earlier in the file.
ALTER TABLE orders ADD COLUMN ref varchar(40);
ALTER TABLE orders ALTER COLUMN ref TYPE varchar(20); -- expect: change-column-type
ALTER TABLE orders ADD COLUMN price numeric(10,2);
ALTER TABLE orders ALTER COLUMN price TYPE numeric(12,3); -- expect: change-column-type
ALTER TABLE orders ADD COLUMN placed timestamp;
ALTER TABLE orders ALTER COLUMN placed TYPE timestamptz; -- expect: change-column-type
ALTER TABLE orders ADD COLUMN label text;
ALTER TABLE orders ALTER COLUMN label TYPE varchar(10); -- expect: change-column-type
ALTER TABLE orders ADD COLUMN code char(4);
ALTER TABLE orders ALTER COLUMN code TYPE text; -- expect: change-column-type
ALTER TABLE orders ADD COLUMN at timestamptz;
ALTER TABLE orders ALTER COLUMN at TYPE timestamptz(0); -- expect: change-column-type
ALTER TABLE orders ALTER COLUMN qty TYPE int USING qty::int; -- expect: change-column-type

-- Multi-action, several statements on one line.
ALTER TABLE accounts
  ALTER COLUMN a TYPE bigint, -- expect: change-column-type
  ALTER COLUMN b SET DEFAULT 0,
  ALTER COLUMN c TYPE uuid USING c::uuid; -- expect: change-column-type
SELECT 1; ALTER TABLE x ALTER y TYPE int8; ALTER TABLE z ALTER w TYPE int8; -- expect: change-column-type, change-column-type

-- "Orders" is new; orders is not.
CREATE TABLE "Orders" (id int);
ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint; -- expect: change-column-type
