-- lint-test: live=public.settings:120,public.orders:5000000
-- Against a live database a small table is no hazard, a big one is.
CREATE INDEX settings_key ON settings (key);
CREATE INDEX orders_placed ON orders (placed_at); -- expect: index-not-concurrent
-- A table the database does not have yet is created by an earlier migration of the run.
CREATE INDEX future_idx ON not_there_yet (x);
