-- lint-test: prefix=long_migration_prefix.sql
ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&); -- expect: add-exclusion-constraint
