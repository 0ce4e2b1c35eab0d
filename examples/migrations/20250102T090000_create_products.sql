-- strata:parent 20250101T090000_create_customers
-- strata:up
CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);
INSERT INTO products (sku, title, price_cents) VALUES
  ('MUG-01', 'Mug; large', 1200),   -- a semicolon inside a string is not a statement end
  ('TEE-02', 'T-shirt', 2500);
-- strata:down
DROP TABLE products;
