-- Indexes on tables created earlier in this migration: nobody reads them yet.
CREATE TABLE "Events" (id bigint PRIMARY KEY, kind text);
CREATE INDEX events_kind ON "Events" (kind);
DROP INDEX events_kind;
CREATE TABLE audit.log (id bigint, at timestamptz);
CREATE INDEX log_at ON audit.log (at); DROP INDEX audit.log_at;

-- Text that only mentions DDL is not DDL.
SELECT 'DROP INDEX orders_customer_idx';
/* DROP INDEX orders_customer_idx; /* nested */ still a comment */
CREATE FUNCTION drop_it() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  DROP INDEX orders_customer_idx;
END $body$;
DO $$ BEGIN EXECUTE 'DROP INDEX orders_customer_idx'; END $$;
