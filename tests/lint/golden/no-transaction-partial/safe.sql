-- lint-test: migration tx=none
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY a_idx ON accounts (email);
BEGIN;
UPDATE accounts SET flag = true WHERE id = 1;
UPDATE accounts SET flag = false WHERE id = 2;
COMMIT;
