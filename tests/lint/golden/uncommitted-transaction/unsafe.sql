-- lint-test: tx=none
BEGIN;
CREATE TABLE a (id bigint);
COMMIT;
BEGIN; -- expect: uncommitted-transaction
CREATE TABLE b (id bigint);
SELECT 'COMMIT';
/* COMMIT; */
