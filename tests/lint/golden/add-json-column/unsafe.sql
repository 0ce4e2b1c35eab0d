CREATE TABLE "Events" (
  id bigint PRIMARY KEY,
  payload json, -- expect: add-json-column
  tags json[] -- expect: add-json-column
);
ALTER TABLE orders ADD COLUMN meta json; -- expect: add-json-column
ALTER TABLE orders
  ADD COLUMN a jsonb,
  ADD COLUMN b pg_catalog.json, -- expect: add-json-column
  ALTER COLUMN c TYPE json USING c::json; -- expect: add-json-column
CREATE TABLE t1 (j JSON); CREATE TABLE t2 (j json); -- expect: add-json-column, add-json-column
