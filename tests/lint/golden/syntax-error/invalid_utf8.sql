-- lint-test: tx=none
-- PostgreSQL rejects invalid UTF-8, and its error positions, counted in
-- characters, cannot be mapped back to bytes past a broken sequence.
CREATE TABLE a (id int);
SELECT 'caf√(' AS broken; -- expect: syntax-error
SELECT * FROM WHERE;
