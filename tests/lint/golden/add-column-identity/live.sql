-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY; -- expect: add-column-identity
