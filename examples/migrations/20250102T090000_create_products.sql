-- strata:parent 20250101T090000_create_customers
-- strata:up
CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);
INSERT INTO products (id, sku, title, price_cents) VALUES
  (1, 'MUG-01', 'Mug; large', 1200),   -- a semicolon inside a string is not a statement end
  (2, 'TEE-02', 'T-shirt', 2500);
-- strata:down
DROP TABLE products;
