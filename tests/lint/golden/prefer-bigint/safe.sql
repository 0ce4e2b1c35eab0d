-- bigint ids, and plain int for counters and codes.
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers,
  quantity int NOT NULL,
  status smallint,
  retries integer DEFAULT 0,
  valid boolean,
  paid int,
  ids int[]
);
CREATE TABLE tags (tag_id bigserial PRIMARY KEY, uuid_id uuid, code text UNIQUE);
ALTER TABLE items ADD COLUMN order_id bigint REFERENCES orders, ALTER COLUMN id TYPE bigint;
ALTER TABLE items ADD COLUMN position int;
SELECT 'CREATE TABLE t (id int PRIMARY KEY)';
