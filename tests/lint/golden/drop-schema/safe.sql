-- A schema created earlier in this migration.
CREATE SCHEMA "Scratch";
CREATE TABLE "Scratch".t (id bigint);
DROP SCHEMA "Scratch" CASCADE;
CREATE SCHEMA IF NOT EXISTS tmp;
DROP SCHEMA Tmp;
SELECT 'DROP SCHEMA reporting CASCADE';
DO $$ BEGIN EXECUTE 'DROP SCHEMA reporting'; END $$;
