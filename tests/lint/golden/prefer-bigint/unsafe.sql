CREATE TABLE orders (
  id int, -- expect: prefer-bigint
  customer_id integer NOT NULL, -- expect: prefer-bigint
  "Shop_ID" int REFERENCES shops, -- expect: prefer-bigint
  parent smallint, -- expect: prefer-bigint
  line serial, -- expect: prefer-bigint
  quantity int,
  status smallint,
  PRIMARY KEY (line),
  FOREIGN KEY (parent) REFERENCES parents (id)
);
CREATE TABLE "Sales".tags (tag_id smallserial PRIMARY KEY); -- expect: prefer-bigint
ALTER TABLE items
  ADD COLUMN order_id int4 REFERENCES orders, -- expect: prefer-bigint
  ADD COLUMN note text,
  ALTER COLUMN id TYPE integer; -- expect: prefer-bigint
ALTER TABLE items ADD COLUMN supplier int CONSTRAINT items_supplier_fk REFERENCES suppliers; -- expect: prefer-bigint
