-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE not_there_yet ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid(); -- expect: add-column-volatile-default
