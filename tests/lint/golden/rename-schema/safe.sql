-- A schema created earlier in this migration has no users yet.
CREATE SCHEMA "Scratch";
ALTER SCHEMA "Scratch" RENAME TO scratch;
-- Renaming tables inside a schema is another rule's concern.
ALTER TABLE reporting.t RENAME COLUMN a TO b;
SELECT 'ALTER SCHEMA reporting RENAME TO analytics';
