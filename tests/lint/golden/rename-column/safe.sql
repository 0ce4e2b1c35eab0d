-- A table created earlier in this migration, a column added earlier in it.
CREATE TABLE "Import" (id bigint, val text);
ALTER TABLE "Import" RENAME COLUMN val TO value;
ALTER TABLE orders ADD COLUMN tmp_note text;
ALTER TABLE orders RENAME COLUMN tmp_note TO note;
-- Renaming other things is not renaming a column.
ALTER TABLE orders RENAME CONSTRAINT orders_chk TO orders_total_chk;
ALTER INDEX orders_idx RENAME TO orders_total_idx;
SELECT 'ALTER TABLE orders RENAME COLUMN total TO total_cents';
