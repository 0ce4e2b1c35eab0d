-- A constraint added NOT VALID by an earlier migration.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
-- The same name on other tables: public.refunds, archive.orders, "Orders".
ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;
ALTER TABLE refunds VALIDATE CONSTRAINT positive;
ALTER TABLE archive.orders VALIDATE CONSTRAINT positive;
ALTER TABLE "Orders" VALIDATE CONSTRAINT positive;
ALTER TABLE orders VALIDATE CONSTRAINT "Positive";
-- A table created in this migration has nothing to protect.
CREATE TABLE events (id bigint, kind text);
ALTER TABLE events ADD CONSTRAINT kind_set CHECK (kind <> '') NOT VALID;
ALTER TABLE events VALIDATE CONSTRAINT kind_set;
SELECT 'ALTER TABLE orders VALIDATE CONSTRAINT positive';
