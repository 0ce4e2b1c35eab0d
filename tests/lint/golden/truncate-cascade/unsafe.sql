TRUNCATE orders CASCADE; -- expect: truncate-cascade
TRUNCATE TABLE "Sales"."Customers", public.accounts CASCADE; -- expect: truncate-cascade
-- One new table does not make the others new.
CREATE TABLE scratch (id bigint);
TRUNCATE scratch, customers CASCADE; -- expect: truncate-cascade
