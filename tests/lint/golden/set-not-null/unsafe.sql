-- SET NOT NULL scans every row under ACCESS EXCLUSIVE.
ALTER TABLE orders ALTER COLUMN status SET NOT NULL; -- expect: set-not-null
ALTER TABLE "Sales"."Orders" ALTER "Status" SET NOT NULL; -- expect: set-not-null
ALTER TABLE accounts
  ALTER COLUMN email SET NOT NULL, -- expect: set-not-null
  ALTER COLUMN name DROP DEFAULT,
  ALTER COLUMN name SET NOT NULL; -- expect: set-not-null
SELECT 1; ALTER TABLE a ALTER x SET NOT NULL; ALTER TABLE b ALTER y SET NOT NULL; -- expect: set-not-null, set-not-null

-- A NOT VALID check that was never validated proves nothing.
ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: set-not-null
-- A validated check proves only its own column, on its own table.
ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL);
ALTER TABLE users ALTER COLUMN phone SET NOT NULL; -- expect: set-not-null
ALTER TABLE archive.users ALTER COLUMN name SET NOT NULL; -- expect: set-not-null
ALTER TABLE "Users" ALTER COLUMN name SET NOT NULL; -- expect: set-not-null
-- An OR proves nothing about either column.
ALTER TABLE users ADD CONSTRAINT users_contact CHECK (phone IS NOT NULL OR email IS NOT NULL);
ALTER TABLE users ALTER COLUMN phone SET NOT NULL; -- expect: set-not-null
