-- lint-test: tx=none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_id_idx ON orders (id);
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;
-- New tables.
CREATE TABLE "Orders" (id bigint NOT NULL);
ALTER TABLE "Orders" ADD PRIMARY KEY (id);
CREATE TABLE staging.orders (x int);
ALTER TABLE staging.orders ADD COLUMN id bigint PRIMARY KEY;
SELECT 'ALTER TABLE orders ADD PRIMARY KEY (id)';
DO $$ BEGIN ALTER TABLE orders ADD PRIMARY KEY (id); END $$;
