ALTER SCHEMA reporting RENAME TO analytics; -- expect: rename-schema
ALTER SCHEMA "Legacy" RENAME TO legacy; -- expect: rename-schema
SELECT 1; ALTER SCHEMA Billing RENAME TO invoicing; -- expect: rename-schema
