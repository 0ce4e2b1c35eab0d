-- lint-test: tx=none
-- Statements that take no lock of SHARE or stronger on an existing table.
CREATE INDEX CONCURRENTLY orders_note ON orders (note);
DROP INDEX CONCURRENTLY orders_old_idx;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
REINDEX TABLE CONCURRENTLY orders;
INSERT INTO settings (key, value) VALUES ('a', 'b');
UPDATE settings SET value = 'c' WHERE key = 'a';
SELECT 'ALTER TABLE orders ADD COLUMN x int';
CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ALTER TABLE orders ADD COLUMN y int; RETURN NEW; END $$;
ALTER FUNCTION audit() RENAME TO audit_orders;
-- New tables, and foreign keys between them.
CREATE TABLE "Events" (id bigint PRIMARY KEY);
CREATE TABLE event_tags (event_id bigint REFERENCES "Events" (id), tag text);
ALTER TABLE "Events" ADD COLUMN kind text;
CREATE INDEX event_tags_tag ON event_tags (tag);
