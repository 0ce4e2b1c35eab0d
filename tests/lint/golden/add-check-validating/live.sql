-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD CONSTRAINT settings_key_set CHECK (key <> '');
ALTER TABLE not_there_yet ADD CHECK (x > 0);
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0); -- expect: add-check-validating
