-- A COMMIT in a wrapped migration ends strata's transaction early.
CREATE TABLE a (id bigint);
COMMIT; -- expect: transaction-nesting
CREATE TABLE b (id bigint);
