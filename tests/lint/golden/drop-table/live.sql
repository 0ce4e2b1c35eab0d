-- lint-test: live=public.orders:100,public.legacy:5
-- Live: even a small table holds data; a table absent from the database does not.
DROP TABLE legacy; -- expect: drop-table
DROP TABLE IF EXISTS never_created;
