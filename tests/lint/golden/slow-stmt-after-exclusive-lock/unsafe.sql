-- strata wraps this migration in one transaction: the ACCESS EXCLUSIVE lock
-- taken by the first ALTER TABLE is held until the end.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN status text;
UPDATE orders SET status = 'new'; -- expect: slow-stmt-after-exclusive-lock
CREATE INDEX orders_status ON orders (status); -- expect: slow-stmt-after-exclusive-lock
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk; -- expect: slow-stmt-after-exclusive-lock
ALTER TABLE "Sales"."Items"
  ADD COLUMN sku text,
  ADD CONSTRAINT items_price_positive CHECK (price > 0); -- expect: slow-stmt-after-exclusive-lock
ALTER TABLE items ADD CONSTRAINT items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id); -- expect: slow-stmt-after-exclusive-lock
ALTER TABLE items ALTER COLUMN qty TYPE bigint; -- expect: slow-stmt-after-exclusive-lock
DELETE FROM order_events; -- expect: slow-stmt-after-exclusive-lock
