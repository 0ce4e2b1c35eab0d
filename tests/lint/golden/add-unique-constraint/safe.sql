-- lint-test: tx=none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_idx ON orders (ref);
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx;
-- New tables.
CREATE TABLE "Orders" (id bigint, ref text);
ALTER TABLE "Orders" ADD CONSTRAINT orders_ref_key UNIQUE (ref);
ALTER TABLE "Orders" ADD COLUMN token uuid UNIQUE;
SELECT 'ALTER TABLE orders ADD UNIQUE (ref)';
DO $$ BEGIN ALTER TABLE orders ADD UNIQUE (ref); END $$;
