-- Readers of the view wait for the whole refresh.
REFRESH MATERIALIZED VIEW sales_summary; -- expect: refresh-matview-blocking
REFRESH MATERIALIZED VIEW "Reports"."Daily" WITH DATA; -- expect: refresh-matview-blocking

-- A view of the same name in another schema is a different view.
CREATE MATERIALIZED VIEW staging.daily AS SELECT 1 AS x WITH NO DATA;
REFRESH MATERIALIZED VIEW staging.daily; REFRESH MATERIALIZED VIEW reports.daily; -- expect: refresh-matview-blocking
