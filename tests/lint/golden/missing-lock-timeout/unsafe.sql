-- No lock_timeout: a strong lock waiting in the queue blocks every later query.
ALTER TABLE orders ADD COLUMN note text; -- expect: missing-lock-timeout
CREATE INDEX orders_note ON orders (note); -- expect: missing-lock-timeout
DROP INDEX orders_old_idx; -- expect: missing-lock-timeout
-- Once per statement, however many actions.
ALTER TABLE "Sales"."Orders" -- expect: missing-lock-timeout
  ADD COLUMN a int,
  ADD COLUMN b int;
SELECT 1; ALTER TABLE accounts ADD COLUMN c int; TRUNCATE audit_log; -- expect: missing-lock-timeout, missing-lock-timeout
-- A new table's foreign key locks the referenced table (SHARE ROW EXCLUSIVE).
CREATE TABLE order_notes (id bigint, order_id bigint REFERENCES orders (id)); -- expect: missing-lock-timeout
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: missing-lock-timeout
LOCK TABLE accounts IN SHARE MODE; -- expect: missing-lock-timeout
-- A timeout turned off again, or reset, is no timeout.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN d int;
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN e int; -- expect: missing-lock-timeout
SET lock_timeout = '2s';
RESET lock_timeout;
ALTER TABLE orders ADD COLUMN f int; -- expect: missing-lock-timeout
-- "Orders" and staging.orders are new; orders is not.
CREATE TABLE "Orders" (id bigint);
CREATE TABLE staging.orders (id bigint);
ALTER TABLE orders ADD COLUMN g int; -- expect: missing-lock-timeout
