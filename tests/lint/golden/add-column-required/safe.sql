ALTER TABLE orders ADD COLUMN region text;
ALTER TABLE orders ADD COLUMN tier int NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now();
-- Identity, generated and serial columns give every row a value.
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN total numeric NOT NULL GENERATED ALWAYS AS (qty * price) STORED;
ALTER TABLE orders ADD COLUMN n bigserial NOT NULL;
-- New tables.
CREATE TABLE "Events" (id bigint);
ALTER TABLE "Events" ADD COLUMN kind text NOT NULL;
CREATE TABLE staging.orders (id bigint);
ALTER TABLE staging.orders ADD COLUMN region text NOT NULL, ADD COLUMN tier int NOT NULL;
SELECT 'ALTER TABLE orders ADD COLUMN region text NOT NULL';
DO $$ BEGIN ALTER TABLE orders ADD COLUMN region text NOT NULL; END $$;
