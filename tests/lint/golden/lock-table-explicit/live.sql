-- lint-test: tx=none live=public.orders:50
BEGIN;
-- Even a small live table: the lock blocks its readers until COMMIT.
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; -- expect: lock-table-explicit
-- Absent from the database: an earlier migration of this run creates it.
LOCK TABLE not_there_yet;
COMMIT;
