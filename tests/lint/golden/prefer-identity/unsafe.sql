CREATE TABLE orders (id bigserial PRIMARY KEY, n serial); -- expect: prefer-identity, prefer-identity
CREATE TABLE "Sales"."Tags" (
  id smallserial, -- expect: prefer-identity
  label text
);
ALTER TABLE items ADD COLUMN seq serial8; -- expect: prefer-identity
