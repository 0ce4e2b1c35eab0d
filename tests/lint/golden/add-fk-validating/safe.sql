-- NOT VALID is instant; VALIDATE CONSTRAINT follows in a later migration.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE "Sales"."Orders" ADD FOREIGN KEY ("CustomerId") REFERENCES "Sales"."Customers" NOT VALID;

-- Foreign keys on tables created earlier in this migration.
CREATE TABLE "Invoices" (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
ALTER TABLE "Invoices" ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE "Invoices" ADD COLUMN customer_id bigint REFERENCES customers (id);
CREATE TABLE staging.orders (id bigint, customer_id bigint);
ALTER TABLE staging.orders
  ADD CONSTRAINT staging_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);

-- Text and bodies that mention the DDL.
SELECT 'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)';
CREATE FUNCTION add_fk() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
END $body$;
DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id)'; END $$;
