-- lint-test: live=public.orders:5000000,public.settings:50
-- The lock queue does not care how small the table is; a table the
-- database does not have yet has nobody waiting on it.
ALTER TABLE settings ADD COLUMN scope text; -- expect: missing-lock-timeout
ALTER TABLE orders ADD COLUMN note text; -- expect: missing-lock-timeout
ALTER TABLE not_there_yet ADD COLUMN note text;
CREATE TABLE order_notes (order_id bigint REFERENCES not_there_yet (id));
CREATE TABLE setting_notes (key text REFERENCES settings (key)); -- expect: missing-lock-timeout
-- An index the run created on a new table; an index it did not see.
CREATE INDEX nty_note ON not_there_yet (note);
DROP INDEX nty_note;
DROP INDEX orders_old_idx; -- expect: missing-lock-timeout
