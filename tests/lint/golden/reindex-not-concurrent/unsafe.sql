-- REINDEX without CONCURRENTLY blocks writes for the whole rebuild.
REINDEX TABLE orders; -- expect: reindex-not-concurrent
REINDEX INDEX "Sales"."Orders_Ref"; -- expect: reindex-not-concurrent
REINDEX (VERBOSE) TABLE public.orders; -- expect: reindex-not-concurrent
SELECT 1; REINDEX INDEX a_idx; REINDEX TABLE accounts; -- expect: reindex-not-concurrent, reindex-not-concurrent

-- staging.orders is new; public.orders is not.
CREATE TABLE staging.orders (id bigint);
REINDEX TABLE public.orders; -- expect: reindex-not-concurrent
-- "Events" is new; events is not.
CREATE TABLE "Events" (id bigint);
REINDEX TABLE events; -- expect: reindex-not-concurrent
