-- A table created earlier in this migration, and a column added earlier in it.
CREATE TABLE "Import" (id bigint, scratch text);
ALTER TABLE "Import" DROP COLUMN scratch;
ALTER TABLE orders ADD COLUMN tmp_total numeric;
UPDATE orders SET tmp_total = 0 WHERE id = 1;
ALTER TABLE orders DROP COLUMN tmp_total;
-- Dropping other things is not dropping a column.
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_chk, ALTER COLUMN note DROP DEFAULT;
SELECT 'ALTER TABLE orders DROP COLUMN legacy_flag';
/* ALTER TABLE orders DROP COLUMN x; /* nested */ */
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE orders DROP COLUMN legacy_flag;
END $$;
