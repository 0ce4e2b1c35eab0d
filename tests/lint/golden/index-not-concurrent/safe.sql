-- A table created earlier in the same migration has no rows and no readers yet.
CREATE TABLE "Events" (id bigint PRIMARY KEY, kind text);
CREATE INDEX events_kind ON "Events" (kind);
CREATE TABLE audit.log (id bigint, at timestamptz);
CREATE INDEX log_at ON audit.log (at);

-- ON ONLY a partitioned parent is instant (the index starts invalid).
CREATE INDEX measurements_at ON ONLY measurements (at);

-- Text that only mentions DDL is not DDL.
SELECT 'CREATE INDEX x ON big (y)';
/* CREATE INDEX x ON big (y); /* nested */ still a comment */
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX inside_body ON big (y);
END $$;
