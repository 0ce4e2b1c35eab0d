-- lint-test: tx=none
DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;
DROP INDEX CONCURRENTLY IF EXISTS "Sales"."Orders_Ref";
