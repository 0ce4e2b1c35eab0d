ALTER TABLE orders RENAME TO purchases; -- expect: rename-table
ALTER TABLE "Sales"."Orders" RENAME TO orders; -- expect: rename-table
-- A view with the old name but in another schema is no compatibility view.
ALTER TABLE public.items RENAME TO line_items; -- expect: rename-table
CREATE VIEW staging.items AS SELECT * FROM line_items;
-- A view named like the new table does not help code using the old name.
ALTER TABLE accounts RENAME TO users; -- expect: rename-table
CREATE VIEW users_v AS SELECT * FROM users;
