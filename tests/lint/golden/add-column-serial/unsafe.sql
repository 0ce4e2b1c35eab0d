-- serial's nextval() default is volatile: the table is rewritten.
ALTER TABLE orders ADD COLUMN seq bigserial; -- expect: add-column-serial
ALTER TABLE "Sales"."Orders" ADD "Seq" serial4 NOT NULL; -- expect: add-column-serial
ALTER TABLE accounts
  ADD COLUMN note text,
  ADD COLUMN n smallserial, -- expect: add-column-serial
  ADD COLUMN m serial; -- expect: add-column-serial
SELECT 1; ALTER TABLE a ADD x serial; ALTER TABLE b ADD y bigserial; -- expect: add-column-serial, add-column-serial
CREATE TABLE "Orders" (id bigint);
ALTER TABLE orders ADD COLUMN seq2 serial8; -- expect: add-column-serial
