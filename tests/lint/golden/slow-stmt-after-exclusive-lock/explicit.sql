-- lint-test: tx=none
-- Autocommit: the first two statements commit on their own.
ALTER TABLE accounts ADD COLUMN plan text;
UPDATE accounts SET plan = 'free';
-- An explicit transaction: LOCK TABLE holds ACCESS EXCLUSIVE until COMMIT.
BEGIN;
LOCK TABLE accounts;
UPDATE accounts SET plan = 'free'; CREATE INDEX accounts_plan ON accounts (plan); -- expect: slow-stmt-after-exclusive-lock, slow-stmt-after-exclusive-lock
COMMIT;
-- After COMMIT the lock is gone.
CREATE INDEX accounts_plan2 ON accounts (plan);
