-- An index on a table this file did not create blocks writes while it builds.
CREATE INDEX orders_customer_idx ON orders (customer_id); -- expect: index-not-concurrent
CREATE UNIQUE INDEX "Orders_Ref" ON "Sales"."Orders" (ref); -- expect: index-not-concurrent

-- Several statements on one line: only the index is flagged, at its own line.
SET search_path = public; SELECT 1;
CREATE INDEX a_idx ON accounts (email); CREATE INDEX b_idx ON accounts (name); -- expect: index-not-concurrent, index-not-concurrent

-- A table with the same name in another schema is a different table.
CREATE TABLE staging.items (id bigint);
CREATE INDEX items_id ON public.items (id); -- expect: index-not-concurrent
