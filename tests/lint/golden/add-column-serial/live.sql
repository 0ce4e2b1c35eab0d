-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD COLUMN seq bigserial;
ALTER TABLE orders ADD COLUMN seq bigserial; -- expect: add-column-serial
