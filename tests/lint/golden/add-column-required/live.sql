-- lint-test: live=public.orders:5000000,public.settings:50
-- Even a small table fails if it has a row: only a new one is safe.
ALTER TABLE not_there_yet ADD COLUMN x int NOT NULL;
ALTER TABLE settings ADD COLUMN scope text NOT NULL; -- expect: add-column-required
ALTER TABLE orders ADD COLUMN channel text NOT NULL; -- expect: add-column-required
