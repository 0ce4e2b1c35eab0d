ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE "Sales"."Orders" ADD CHECK ("Amount" >= 0) NOT VALID;
-- New tables.
CREATE TABLE "Orders" (id bigint, amount numeric);
ALTER TABLE "Orders" ADD CONSTRAINT orders_amount_positive CHECK (amount > 0);
ALTER TABLE "Orders" ADD COLUMN qty int CHECK (qty > 0);
CREATE TABLE staging.orders (id bigint, amount numeric);
ALTER TABLE staging.orders ADD CHECK (amount > 0);
-- Text and bodies.
SELECT 'ALTER TABLE orders ADD CHECK (amount > 0)';
DO $$ BEGIN ALTER TABLE orders ADD CHECK (amount > 0); END $$;
