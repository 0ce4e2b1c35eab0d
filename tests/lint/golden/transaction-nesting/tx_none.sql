-- lint-test: tx=none
BEGIN;
CREATE TABLE a (id bigint);
BEGIN; -- expect: transaction-nesting
CREATE TABLE b (id bigint);
COMMIT;
CREATE TABLE c (id bigint);
COMMIT; -- expect: transaction-nesting
START TRANSACTION; SELECT 1; START TRANSACTION; COMMIT; ROLLBACK; -- expect: transaction-nesting, transaction-nesting
