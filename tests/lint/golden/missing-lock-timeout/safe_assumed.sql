-- lint-test: assume-lock-timeout
-- The role sets lock_timeout (ALTER ROLE ... SET lock_timeout), declared in strata.toml.
ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX orders_note ON orders (note);
