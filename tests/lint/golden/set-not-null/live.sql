-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ALTER COLUMN key SET NOT NULL;
ALTER TABLE not_there_yet ALTER COLUMN x SET NOT NULL;
ALTER TABLE orders ALTER COLUMN status SET NOT NULL; -- expect: set-not-null
