-- lint-test: tx=none
REINDEX TABLE CONCURRENTLY orders;
REINDEX INDEX CONCURRENTLY "Sales"."Orders_Ref";
REINDEX (VERBOSE, CONCURRENTLY) TABLE public.orders;

-- New tables, and indexes on them.
CREATE TABLE "Events" (id bigint PRIMARY KEY, kind text);
REINDEX TABLE "Events";
CREATE INDEX events_kind ON "Events" (kind); REINDEX INDEX events_kind;
REINDEX INDEX "Events_pkey";

SELECT 'REINDEX TABLE orders';
DO $$ BEGIN EXECUTE 'REINDEX TABLE orders'; END $$;
