-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ALTER COLUMN id TYPE bigint;
ALTER TABLE not_there_yet ALTER COLUMN id TYPE bigint;
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: change-column-type
