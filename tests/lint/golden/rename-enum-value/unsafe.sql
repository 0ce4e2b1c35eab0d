ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled'; -- expect: rename-enum-value
ALTER TYPE "Sales"."Status" RENAME VALUE 'Open' TO 'open'; -- expect: rename-enum-value
-- An enum of the same name in another schema.
CREATE TYPE staging.mood AS ENUM ('sad', 'ok');
ALTER TYPE staging.mood RENAME VALUE 'ok' TO 'fine'; ALTER TYPE public.mood RENAME VALUE 'ok' TO 'fine'; -- expect: rename-enum-value
