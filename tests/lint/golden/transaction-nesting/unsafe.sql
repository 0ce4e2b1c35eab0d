-- strata wraps this migration in a transaction already.
BEGIN; -- expect: transaction-nesting
CREATE TABLE t (id bigint);
COMMIT;
-- COMMIT with nothing open.
COMMIT; -- expect: transaction-nesting
