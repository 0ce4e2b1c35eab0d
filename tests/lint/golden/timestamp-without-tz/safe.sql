CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz, seen timestamp(3) with time zone, day date, t time);
ALTER TABLE orders ADD COLUMN shipped_at timestamptz DEFAULT now(), ALTER COLUMN placed_at TYPE timestamptz;
SELECT now()::timestamp;
SELECT 'CREATE TABLE t (at timestamp)';
