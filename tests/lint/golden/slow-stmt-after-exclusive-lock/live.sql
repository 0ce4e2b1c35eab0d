-- lint-test: live=public.orders:5000000,public.settings:30,public.big:9000000
-- The lock is on a big table; the slow step is slow only on a big table.
ALTER TABLE orders ADD COLUMN status text;
UPDATE settings SET v = 'x';
CREATE INDEX fresh_idx ON not_there_yet (x);
UPDATE big SET flag = true; -- expect: slow-stmt-after-exclusive-lock
