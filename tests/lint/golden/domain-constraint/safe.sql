CREATE DOMAIN email AS text;
CREATE DOMAIN positive_id AS bigint NOT NULL;
ALTER DOMAIN email DROP CONSTRAINT IF EXISTS email_check;
ALTER DOMAIN email SET DEFAULT '';
ALTER DOMAIN email VALIDATE CONSTRAINT email_lower;
-- The check on the column itself.
CREATE TABLE users (id bigint PRIMARY KEY, email text CHECK (email LIKE '%@%'));
SELECT 'CREATE DOMAIN d AS text CHECK (value <> '''')';
