-- Binary-coercible changes only touch the catalog.
ALTER TABLE orders ADD COLUMN ref varchar(20);
ALTER TABLE orders ALTER COLUMN ref TYPE varchar(40);
ALTER TABLE orders ALTER COLUMN ref TYPE character varying;
ALTER TABLE orders ALTER COLUMN ref TYPE text;
ALTER TABLE orders ALTER COLUMN ref TYPE varchar;
ALTER TABLE orders ADD COLUMN price numeric(10,2);
ALTER TABLE orders ALTER COLUMN price TYPE numeric(14,2);
ALTER TABLE orders ALTER COLUMN price TYPE decimal;
ALTER TABLE orders ADD COLUMN net cidr;
ALTER TABLE orders ALTER COLUMN net TYPE inet;
ALTER TABLE orders ADD COLUMN flags bit varying(8);
ALTER TABLE orders ALTER COLUMN flags TYPE bit varying(16);
ALTER TABLE orders ADD COLUMN at timestamptz(3);
ALTER TABLE orders ALTER COLUMN at TYPE timestamp with time zone;
ALTER TABLE "Sales"."Orders" ADD COLUMN "Note" varchar(100);
ALTER TABLE "Sales"."Orders"
  ALTER COLUMN "Note" TYPE varchar(200),
  ALTER COLUMN "Note" SET DEFAULT '';
-- New tables.
CREATE TABLE "Orders" (id int, note varchar(10));
ALTER TABLE "Orders" ALTER COLUMN id TYPE bigint, ALTER COLUMN note TYPE varchar(5);
CREATE TABLE staging.orders (id int);
ALTER TABLE staging.orders ALTER COLUMN id TYPE bigint;
SELECT 'ALTER TABLE orders ALTER COLUMN id TYPE bigint';
DO $$ BEGIN ALTER TABLE orders ALTER COLUMN id TYPE bigint; END $$;
