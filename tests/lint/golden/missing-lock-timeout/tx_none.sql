-- lint-test: tx=none
-- SET LOCAL outside a transaction block has no effect.
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN a int; -- expect: missing-lock-timeout
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN b int;
COMMIT;
-- The SET LOCAL ended with its transaction.
ALTER TABLE orders ADD COLUMN c int; -- expect: missing-lock-timeout
BEGIN; ALTER TABLE orders ADD COLUMN d int; COMMIT; -- expect: missing-lock-timeout
-- A session SET lasts past COMMIT.
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN e int;
COMMIT;
ALTER TABLE orders ADD COLUMN f int;
