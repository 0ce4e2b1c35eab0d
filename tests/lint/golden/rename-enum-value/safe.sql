-- An enum created earlier in this migration has no users yet.
CREATE TYPE "Mood" AS ENUM ('sad', 'ok');
ALTER TYPE "Mood" RENAME VALUE 'ok' TO 'fine';
-- Adding a value is backward compatible.
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
SELECT 'ALTER TYPE order_status RENAME VALUE ''a'' TO ''b''';
