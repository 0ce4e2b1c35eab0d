-- lint-test: migration tx=none
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY a_idx ON accounts (email);
CREATE INDEX CONCURRENTLY b_idx ON accounts (name); -- expect: no-transaction-partial
