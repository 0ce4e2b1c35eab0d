CREATE TABLE "Events" (id bigint PRIMARY KEY, payload jsonb, "json" text);
ALTER TABLE orders ADD COLUMN meta jsonb, ALTER COLUMN extra TYPE jsonb USING extra::jsonb;
SELECT '{"a": 1}'::json;
SELECT 'CREATE TABLE x (j json)';
CREATE FUNCTION f(j json) RETURNS jsonb LANGUAGE sql AS $$ SELECT j::jsonb $$;
