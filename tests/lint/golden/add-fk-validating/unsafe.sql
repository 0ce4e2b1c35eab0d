-- A foreign key added without NOT VALID checks every row under SHARE ROW EXCLUSIVE.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-fk-validating
ALTER TABLE "Sales"."Orders" ADD FOREIGN KEY ("CustomerId") REFERENCES "Sales"."Customers"; -- expect: add-fk-validating
ALTER TABLE employees ADD CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id); -- expect: add-fk-validating

-- A column constraint cannot be NOT VALID: ADD COLUMN ... REFERENCES always scans.
ALTER TABLE orders ADD COLUMN region_id bigint REFERENCES regions (id); -- expect: add-fk-validating

-- Multi-action ALTER TABLE: each action on its own line.
ALTER TABLE order_items
  ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id), -- expect: add-fk-validating
  ADD CONSTRAINT items_product_fk FOREIGN KEY (product_id) REFERENCES products (id) NOT VALID,
  ADD CONSTRAINT items_batch_fk FOREIGN KEY (batch_id) REFERENCES batches (id); -- expect: add-fk-validating

-- Several statements on one line.
SELECT 1; ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id); ALTER TABLE c ADD FOREIGN KEY (d_id) REFERENCES d (id); -- expect: add-fk-validating, add-fk-validating

-- staging.orders and "Invoices" are new; public.orders and invoices are not.
CREATE TABLE staging.orders (id bigint, customer_id bigint);
CREATE TABLE "Invoices" (id bigint, order_id bigint);
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_fk2 FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-fk-validating
ALTER TABLE invoices ADD CONSTRAINT invoices_order_fk FOREIGN KEY (order_id) REFERENCES orders (id); -- expect: add-fk-validating
