-- lint-test: tx=none
-- psql's model: autocommit, except between BEGIN and COMMIT.
CREATE INDEX CONCURRENTLY a_idx ON accounts (email);
BEGIN;
CREATE INDEX CONCURRENTLY b_idx ON accounts (name); -- expect: concurrent-in-transaction
COMMIT;
DROP INDEX CONCURRENTLY a_old; BEGIN; DROP INDEX CONCURRENTLY b_old; -- expect: concurrent-in-transaction
ROLLBACK;
REINDEX INDEX CONCURRENTLY a_idx;
START TRANSACTION;
ALTER TABLE measurements
  DETACH PARTITION measurements_2021 CONCURRENTLY; -- expect: concurrent-in-transaction
COMMIT;
