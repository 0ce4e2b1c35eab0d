-- strata:ignore-file opaque-body
DO $$ BEGIN PERFORM 1; END $$;
-- strata:ignore index-not-concurrent -- reviewed: orders has 40 rows in every environment
CREATE INDEX orders_small ON orders (x);
