-- lint-test: tx=none
-- Plain VACUUM and ANALYZE take SHARE UPDATE EXCLUSIVE: reads and writes continue.
VACUUM orders;
VACUUM (ANALYZE, VERBOSE) "Sales"."Orders";
VACUUM (FULL false) orders;
ANALYZE orders;

-- A table created earlier in this file has no readers yet.
CREATE TABLE "Staging" (id bigint PRIMARY KEY);
VACUUM FULL "Staging";
CLUSTER "Staging" USING "Staging_pkey";

-- Text that only mentions the commands.
SELECT 'VACUUM FULL orders; CLUSTER orders';
/* VACUUM FULL orders; /* nested */ CLUSTER orders; */
CREATE FUNCTION compact() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  EXECUTE 'VACUUM FULL orders';
END $body$;
