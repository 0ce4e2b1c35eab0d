TRUNCATE orders; -- expect: truncate-table
TRUNCATE TABLE "Sales"."Orders", public.items RESTART IDENTITY; -- expect: truncate-table
-- Several statements on one line, and a table of the same name in another schema.
CREATE TABLE staging.sessions (id bigint); TRUNCATE staging.sessions; TRUNCATE public.sessions; -- expect: truncate-table
-- A hazard late in a long file.
CREATE TABLE a1 (id bigint PRIMARY KEY);
CREATE TABLE a2 (id bigint PRIMARY KEY);
CREATE TABLE a3 (id bigint PRIMARY KEY);
CREATE TABLE a4 (id bigint PRIMARY KEY);
CREATE TABLE a5 (id bigint PRIMARY KEY);
CREATE TABLE a6 (id bigint PRIMARY KEY);
CREATE TABLE a7 (id bigint PRIMARY KEY);
CREATE TABLE a8 (id bigint PRIMARY KEY);
INSERT INTO a1 VALUES (1);
INSERT INTO a2 VALUES (1);
INSERT INTO a3 VALUES (1);
COMMENT ON TABLE a1 IS 'TRUNCATE a1';
TRUNCATE a1, a2, audit_log; -- expect: truncate-table
