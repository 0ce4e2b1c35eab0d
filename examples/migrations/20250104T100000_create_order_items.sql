-- The other branch, written at the same time by the orders team.
-- strata:parent 20250103T090000_create_orders
-- strata:up
CREATE TABLE order_items (
  order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products (id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
-- Keep orders.updated in step: a trigger body holds semicolons of its own.
CREATE TRIGGER order_items_price BEFORE INSERT ON order_items
WHEN NEW.price_cents IS NULL
BEGIN
  SELECT RAISE(ABORT, 'price required');
END;
-- strata:down
DROP TRIGGER order_items_price;
DROP TABLE order_items;
