-- PostgreSQL ends a `--` comment at a bare carriage return (old Mac line
-- ends): the statement after it is real, runs, and is reported where it starts.
--CREATE INDEX orders_customer_idx -- expect: index-not-concurrent
  ON orders (customer_id);
