-- lint-test: tx=none
-- A statement without a keyword (a typo in its first word) is still a
-- statement: the error is on its own line, not lost and not on a neighbour's.
CREATE TABLE a (id int);

  SELEC 1; -- expect: syntax-error
CREATE TABLE b (id int);
