CREATE DOMAIN email AS text CHECK (value LIKE '%@%'); -- expect: domain-constraint
CREATE DOMAIN "Sales"."Price" AS numeric(12,2)
  NOT NULL
  CONSTRAINT price_positive CHECK (value > 0) -- expect: domain-constraint
  CHECK (value < 1000000); -- expect: domain-constraint
ALTER DOMAIN email ADD CONSTRAINT email_lower CHECK (value = lower(value)); -- expect: domain-constraint
SELECT 1; ALTER DOMAIN public.email ADD CHECK (value <> '') NOT VALID; -- expect: domain-constraint
