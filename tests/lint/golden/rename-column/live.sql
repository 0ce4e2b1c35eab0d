-- lint-test: tx=none live=public.accounts:3
BEGIN;
ALTER TABLE accounts RENAME COLUMN mail TO email; -- expect: rename-column
ALTER TABLE future_table RENAME COLUMN a TO b;
COMMIT;
