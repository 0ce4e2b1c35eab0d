SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX orders_note ON orders (note);
DROP INDEX orders_old_idx;
CREATE TABLE order_notes (id bigint, order_id bigint REFERENCES orders (id));
TRUNCATE audit_log;
