-- A CHECK added without NOT VALID scans every row under ACCESS EXCLUSIVE.
ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0); -- expect: add-check-validating
ALTER TABLE "Sales"."Orders" ADD CHECK ("Amount" >= 0); -- expect: add-check-validating
-- A column CHECK becomes a validated table constraint: it scans too.
ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0); -- expect: add-check-validating

ALTER TABLE accounts
  ADD CONSTRAINT accounts_email_lower CHECK (email = lower(email)), -- expect: add-check-validating
  ADD CONSTRAINT accounts_name_set CHECK (name <> '') NOT VALID,
  ADD CONSTRAINT accounts_age_sane CHECK (age < 200); -- expect: add-check-validating

SELECT 1; ALTER TABLE a ADD CHECK (x > 0); ALTER TABLE b ADD CHECK (y > 0) NOT VALID; -- expect: add-check-validating

-- "Orders" is new; orders is not.
CREATE TABLE "Orders" (id bigint, amount numeric);
ALTER TABLE orders ADD CONSTRAINT orders_amount_small CHECK (amount < 1000000); -- expect: add-check-validating
