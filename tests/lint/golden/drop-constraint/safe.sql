-- The last step of the safe SET NOT NULL recipe: the helper CHECK is redundant.
ALTER TABLE orders ADD CONSTRAINT orders_email_present CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_email_present;
ALTER TABLE orders ALTER COLUMN email SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_email_present;
-- The helper came from an earlier migration: recognised by its name.
ALTER TABLE accounts
  ALTER COLUMN phone SET NOT NULL,
  DROP CONSTRAINT accounts_phone_not_null;
-- A table created earlier in this migration.
CREATE TABLE "Import" (id bigint CONSTRAINT import_pk PRIMARY KEY, v text CHECK (v <> ''));
ALTER TABLE "Import" DROP CONSTRAINT import_pk;
SELECT 'ALTER TABLE orders DROP CONSTRAINT orders_customer_fk';
