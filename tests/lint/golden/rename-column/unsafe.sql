ALTER TABLE orders RENAME COLUMN total TO total_cents; -- expect: rename-column
ALTER TABLE "Sales"."Orders" RENAME "Total" TO total; -- expect: rename-column
ALTER TABLE IF EXISTS ONLY accounts RENAME COLUMN email TO email_address; -- expect: rename-column
-- A table of the same name in another schema; several statements on one line.
CREATE TABLE staging.items (id bigint, qty int);
ALTER TABLE staging.items RENAME qty TO quantity; ALTER TABLE public.items RENAME qty TO quantity; -- expect: rename-column
