-- strata wraps this migration in a transaction: CONCURRENTLY fails there.
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id); -- expect: concurrent-in-transaction
DROP INDEX CONCURRENTLY orders_old_idx; -- expect: concurrent-in-transaction
REINDEX INDEX CONCURRENTLY "Sales"."Orders_Ref"; -- expect: concurrent-in-transaction
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY; -- expect: concurrent-in-transaction
SELECT 1; REINDEX TABLE CONCURRENTLY accounts; -- expect: concurrent-in-transaction

-- The error does not depend on the table being new.
CREATE TABLE "Events" (id bigint);
CREATE INDEX CONCURRENTLY events_id ON "Events" (id); -- expect: concurrent-in-transaction
