-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD CONSTRAINT settings_key_key UNIQUE (key);
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref); -- expect: add-unique-constraint
