-- Rename followed by a compatibility view with the old name.
ALTER TABLE orders RENAME TO purchases;
CREATE VIEW orders AS SELECT * FROM purchases;
ALTER TABLE "Sales"."Accounts" RENAME TO users;
GRANT SELECT ON "Sales".users TO app;
CREATE OR REPLACE VIEW "Sales"."Accounts" AS SELECT * FROM "Sales".users;
-- A table created earlier in this migration.
CREATE TABLE import_v1 (id bigint);
ALTER TABLE import_v1 RENAME TO import_v2;
-- Renaming other things (views, indexes) is not renaming a table.
ALTER VIEW orders_v RENAME TO purchases_v;
ALTER INDEX orders_pkey RENAME TO purchases_pkey;
SELECT 'ALTER TABLE orders RENAME TO purchases';
