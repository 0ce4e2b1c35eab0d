-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD COLUMN k2 text GENERATED ALWAYS AS (lower(key)) STORED;
ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (qty * price) STORED; -- expect: add-column-generated-stored
