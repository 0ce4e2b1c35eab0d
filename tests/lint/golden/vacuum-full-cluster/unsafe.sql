-- lint-test: tx=none
-- VACUUM FULL and CLUSTER copy the whole table under ACCESS EXCLUSIVE.
VACUUM FULL orders; -- expect: vacuum-full-cluster
VACUUM (FULL, ANALYZE) "Sales"."Orders"; -- expect: vacuum-full-cluster
vacuum full verbose Accounts; -- expect: vacuum-full-cluster
CLUSTER accounts USING accounts_pkey; -- expect: vacuum-full-cluster

-- Without a table list they rewrite every table of the database.
VACUUM FULL; -- expect: vacuum-full-cluster
CLUSTER; -- expect: vacuum-full-cluster

-- Several statements on one line: only the rewrite is reported.
VACUUM ANALYZE orders; VACUUM FULL items; ANALYZE items; -- expect: vacuum-full-cluster

-- A table of the same name in another schema is not the one created here.
CREATE TABLE staging.items (id bigint);
VACUUM FULL public.items; -- expect: vacuum-full-cluster
