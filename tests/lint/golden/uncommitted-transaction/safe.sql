-- lint-test: tx=none
BEGIN;
CREATE TABLE a (id bigint);
COMMIT;
START TRANSACTION;
CREATE TABLE b (id bigint);
ROLLBACK;
BEGIN; CREATE TABLE c (id bigint); END;
