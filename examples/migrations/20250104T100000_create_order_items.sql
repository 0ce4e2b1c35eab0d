-- The other branch, written at the same time by the orders team.
-- strata:parent 20250103T090000_create_orders
-- strata:up
CREATE TABLE order_items (
  order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products (id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  PRIMARY KEY (order_id, product_id)
);
/* Order lines are looked up by product for stock reports;
   the comment itself holds a semicolon; it is not a statement end. */
CREATE INDEX order_items_product_id ON order_items (product_id);
-- strata:down
DROP INDEX order_items_product_id;
DROP TABLE order_items;
