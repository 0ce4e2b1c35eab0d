DROP TABLE orders; -- expect: drop-table
DROP TABLE IF EXISTS "Sales"."Orders", public.legacy_items CASCADE; -- expect: drop-table
-- A table of the same name in another schema is not the staging table.
CREATE TABLE staging.events (id bigint);
DROP TABLE staging.events; DROP TABLE public.events; -- expect: drop-table
-- Case folding: "Audit" and audit are different tables.
CREATE TABLE "Audit" (id bigint);
DROP TABLE audit; -- expect: drop-table
