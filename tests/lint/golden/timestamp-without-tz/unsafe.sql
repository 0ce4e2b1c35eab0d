CREATE TABLE events (
  id bigint PRIMARY KEY,
  at timestamp, -- expect: timestamp-without-tz
  seen timestamp(3) without time zone, -- expect: timestamp-without-tz
  created timestamptz
);
ALTER TABLE "Sales"."Orders"
  ADD COLUMN shipped_at TIMESTAMP, -- expect: timestamp-without-tz
  ALTER COLUMN placed_at TYPE timestamp USING placed_at::timestamp; -- expect: timestamp-without-tz
