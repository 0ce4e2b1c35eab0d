-- lint-test: live=public.orders:5000000,public.settings:10
-- An index the run created on a table the database does not have yet.
CREATE INDEX future_x ON not_there_yet (x);
DROP INDEX future_x;
CREATE TABLE fresh (id bigint);
CREATE INDEX fresh_id ON fresh (id);
DROP INDEX fresh_id;
-- The lock queue does not care how small the table is.
CREATE INDEX settings_key ON settings (key);
DROP INDEX settings_key; -- expect: drop-index-not-concurrent
-- An index strata did not see created may be on any live table.
DROP INDEX orders_customer_idx; -- expect: drop-index-not-concurrent
