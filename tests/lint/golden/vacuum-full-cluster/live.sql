-- lint-test: tx=none live=public.settings:40,public.orders:8000000
-- A small live table is rewritten at once; a big one is not.
VACUUM FULL settings;
VACUUM FULL orders; -- expect: vacuum-full-cluster
-- Not in the database yet: an earlier migration of this run creates it.
CLUSTER not_there_yet USING not_there_yet_pkey;
