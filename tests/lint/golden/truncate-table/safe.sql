-- A staging table created earlier in this migration.
CREATE TABLE "Import" (id bigint, payload jsonb);
INSERT INTO "Import" VALUES (1, '{}');
TRUNCATE "Import";
TRUNCATE TABLE ONLY "Import";
SELECT 'TRUNCATE orders';
/* TRUNCATE orders; /* nested */ */
DO $$ BEGIN TRUNCATE orders; END $$;
