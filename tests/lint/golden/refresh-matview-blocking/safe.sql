-- lint-test: tx=none
REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;
-- WITH NO DATA empties the view at once.
REFRESH MATERIALIZED VIEW sales_summary WITH NO DATA;
-- The first populate of a view created in this file blocks nobody.
CREATE MATERIALIZED VIEW "Fresh" AS SELECT 1 AS x WITH NO DATA;
REFRESH MATERIALIZED VIEW "Fresh";
CREATE MATERIALIZED VIEW reports.weekly AS SELECT 1 AS x WITH NO DATA;
REFRESH MATERIALIZED VIEW reports.weekly;
SELECT 'REFRESH MATERIALIZED VIEW sales_summary';
DO $$ BEGIN REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary; END $$;
