ALTER TABLE orders ADD COLUMN total numeric;
CREATE TABLE "Orders" (id bigint, qty int, price numeric);
ALTER TABLE "Orders" ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED;
SELECT 'ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED';
DO $$ BEGIN ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED; END $$;
