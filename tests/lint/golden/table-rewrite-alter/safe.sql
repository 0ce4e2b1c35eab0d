-- lint-test: live=public.settings:12,public.orders:9000000
-- A small live table, a table created earlier in the file, and one the
-- database does not have yet (created by an earlier migration of the run).
ALTER TABLE settings SET TABLESPACE fast_ssd;
CREATE UNLOGGED TABLE "Import" (id bigint, payload text);
ALTER TABLE "Import" SET LOGGED;
ALTER TABLE future_table SET UNLOGGED;
-- Catalog-only ALTER TABLE forms on a big table.
ALTER TABLE orders SET (fillfactor = 90);
ALTER TABLE orders ALTER COLUMN note SET STATISTICS 500;
SELECT 'ALTER TABLE orders SET TABLESPACE fast_ssd';
