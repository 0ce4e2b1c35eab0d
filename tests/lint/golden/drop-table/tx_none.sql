-- lint-test: tx=none
BEGIN;
CREATE TABLE scratch (id bigint);
COMMIT;
BEGIN;
DROP TABLE scratch;
DROP TABLE orders; -- expect: drop-table
COMMIT;
