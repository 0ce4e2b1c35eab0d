-- Modes that block no reads or writes: they only keep DDL away.
LOCK TABLE orders IN ACCESS SHARE MODE;
LOCK TABLE orders IN ROW SHARE MODE;
LOCK TABLE orders IN ROW EXCLUSIVE MODE;
LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;
-- A table created in this migration has no other users.
CREATE TABLE "Staging" (id bigint);
LOCK TABLE "Staging";
SELECT 'LOCK TABLE orders';
DO $$ BEGIN LOCK TABLE big; END $$;
