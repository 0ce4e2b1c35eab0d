ALTER TABLE orders ADD COLUMN seq bigint;
CREATE SEQUENCE orders_seq_seq;
ALTER TABLE orders ALTER COLUMN seq SET DEFAULT nextval('orders_seq_seq');
-- New tables.
CREATE TABLE "Orders" (id bigserial PRIMARY KEY);
ALTER TABLE "Orders" ADD COLUMN seq bigserial;
CREATE TABLE staging.orders (id bigint);
ALTER TABLE staging.orders ADD COLUMN seq serial;
SELECT 'ALTER TABLE orders ADD COLUMN seq bigserial';
DO $$ BEGIN ALTER TABLE orders ADD COLUMN seq bigserial; END $$;
