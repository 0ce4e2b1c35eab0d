-- strata wraps the migration in one transaction: the ADD's lock is still held.
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk; -- expect: validate-same-tx
ALTER TABLE "Orders" ADD CONSTRAINT "Positive" CHECK (amount > 0) NOT VALID;
SELECT 1; ALTER TABLE "Orders" VALIDATE CONSTRAINT "Positive"; -- expect: validate-same-tx
ALTER TABLE accounts
  ADD CONSTRAINT accounts_email_set CHECK (email IS NOT NULL) NOT VALID,
  ADD CONSTRAINT accounts_name_set CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE accounts
  VALIDATE CONSTRAINT accounts_email_set, -- expect: validate-same-tx
  VALIDATE CONSTRAINT accounts_name_set; -- expect: validate-same-tx
