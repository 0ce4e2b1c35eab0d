-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: add-primary-key
