-- lint-test: tx=none
-- The compatibility view must come in the transaction of the rename.
BEGIN;
ALTER TABLE orders RENAME TO purchases;
CREATE VIEW orders AS SELECT * FROM purchases;
COMMIT;
BEGIN;
ALTER TABLE accounts RENAME TO users; -- expect: rename-table
COMMIT;
CREATE VIEW accounts AS SELECT * FROM users;
