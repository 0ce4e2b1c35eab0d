CREATE TABLE countries (code text PRIMARY KEY CHECK (char_length(code) = 2), iso3 varchar(3), kind "char");
SELECT 'ab'::char(2);
SELECT 'CREATE TABLE t (x char(2))';
