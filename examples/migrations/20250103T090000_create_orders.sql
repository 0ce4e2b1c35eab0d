-- strata:parent 20250102T090000_create_products
-- strata:up
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  placed_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'shipped'))
);
CREATE INDEX orders_customer_id ON orders (customer_id);
-- strata:down
DROP INDEX orders_customer_id;
DROP TABLE orders;
