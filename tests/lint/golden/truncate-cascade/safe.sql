-- Tables listed explicitly; RESTRICT (the default) fails instead of reaching further.
TRUNCATE orders, order_items;
TRUNCATE orders RESTRICT;
-- Tables created in this migration can only be referenced by tables created after them.
CREATE TABLE "Parent" (id bigint PRIMARY KEY);
CREATE TABLE child (parent_id bigint REFERENCES "Parent");
TRUNCATE "Parent" CASCADE;
SELECT 'TRUNCATE orders CASCADE';
