-- lint-test: live=public.settings:15,public.orders:2000000
UPDATE settings SET v = 'x';
UPDATE orders SET status = 'new'; -- expect: backfill-in-migration
DELETE FROM future_table;
