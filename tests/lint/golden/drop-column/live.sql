-- lint-test: live=public.orders:10
-- Even a small live table: the running code reads the column.
ALTER TABLE orders DROP COLUMN note; -- expect: drop-column
ALTER TABLE future DROP COLUMN note;
