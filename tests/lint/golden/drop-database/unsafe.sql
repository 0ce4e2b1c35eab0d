-- lint-test: tx=none
DROP DATABASE analytics; -- expect: drop-database
DROP DATABASE IF EXISTS "Old_DB" WITH (FORCE); -- expect: drop-database
SELECT 1; DROP DATABASE scratch; -- expect: drop-database
