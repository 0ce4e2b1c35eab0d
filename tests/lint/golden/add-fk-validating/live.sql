-- lint-test: live=public.orders:5000000,public.settings:50,public.customers:100000
-- The scan runs over the referencing table: small or not yet created is fine.
ALTER TABLE settings ADD CONSTRAINT settings_owner_fk FOREIGN KEY (owner_id) REFERENCES customers (id);
ALTER TABLE not_there_yet ADD CONSTRAINT nty_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id); -- expect: add-fk-validating
