-- Non-volatile defaults are stored in the catalog: no rewrite (PostgreSQL 11+).
ALTER TABLE orders ADD COLUMN placed_at timestamptz DEFAULT now();
ALTER TABLE orders ADD COLUMN placed_on date DEFAULT CURRENT_DATE;
ALTER TABLE orders ADD COLUMN at2 timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN tags text[] DEFAULT ARRAY[]::text[];
ALTER TABLE orders ADD COLUMN amount numeric DEFAULT 0::numeric;
ALTER TABLE orders ADD COLUMN label text DEFAULT lower('NEW');
ALTER TABLE orders ADD COLUMN due date DEFAULT (CURRENT_DATE + interval '30 days');
ALTER TABLE orders ADD COLUMN note text;
-- Volatile defaults on new tables.
CREATE TABLE "Orders" (id bigint);
ALTER TABLE "Orders" ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE TABLE staging.orders (id bigint);
ALTER TABLE staging.orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
-- SET DEFAULT changes only the catalog.
ALTER TABLE orders ALTER COLUMN note SET DEFAULT gen_random_uuid()::text;
SELECT 'ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid()';
DO $$ BEGIN ALTER TABLE orders ADD COLUMN t uuid DEFAULT gen_random_uuid(); END $$;
