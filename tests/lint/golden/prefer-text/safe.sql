CREATE TABLE users (id bigint PRIMARY KEY, email text CHECK (char_length(email) <= 255), name varchar);
ALTER TABLE orders ADD COLUMN ref text, ALTER COLUMN code TYPE text;
SELECT 'x'::varchar(10);
SELECT 'CREATE TABLE t (x varchar(10))';
