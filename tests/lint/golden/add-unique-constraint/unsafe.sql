-- ADD UNIQUE builds its index under ACCESS EXCLUSIVE.
ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE (ref); -- expect: add-unique-constraint
ALTER TABLE "Sales"."Orders" ADD UNIQUE ("Ref", region); -- expect: add-unique-constraint
ALTER TABLE orders ADD COLUMN token uuid UNIQUE; -- expect: add-unique-constraint
ALTER TABLE accounts
  ADD CONSTRAINT accounts_email_key UNIQUE (email), -- expect: add-unique-constraint
  ADD CONSTRAINT accounts_login_key UNIQUE USING INDEX accounts_login_idx,
  ADD CONSTRAINT accounts_phone_key UNIQUE (phone); -- expect: add-unique-constraint
SELECT 1; ALTER TABLE a ADD UNIQUE (x); ALTER TABLE b ADD UNIQUE (y); -- expect: add-unique-constraint, add-unique-constraint
CREATE TABLE "Orders" (id bigint, ref text);
ALTER TABLE orders ADD CONSTRAINT orders_ref2_key UNIQUE (ref2); -- expect: add-unique-constraint
