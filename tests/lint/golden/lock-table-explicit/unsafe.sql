-- The default mode is ACCESS EXCLUSIVE.
LOCK TABLE orders; -- expect: lock-table-explicit
LOCK orders IN SHARE MODE; -- expect: lock-table-explicit
LOCK TABLE "Sales"."Orders", public.items IN EXCLUSIVE MODE NOWAIT; -- expect: lock-table-explicit
LOCK TABLE ONLY accounts IN SHARE ROW EXCLUSIVE MODE; -- expect: lock-table-explicit
-- A table of the same name in another schema.
CREATE TABLE staging.accounts (id bigint);
SET lock_timeout = '2s'; LOCK TABLE public.accounts IN ACCESS EXCLUSIVE MODE; -- expect: lock-table-explicit
