ALTER TABLE orders SET TABLESPACE fast_ssd; -- expect: table-rewrite-alter
ALTER TABLE "Sales"."Orders" SET LOGGED; -- expect: table-rewrite-alter
ALTER TABLE IF EXISTS ONLY events SET UNLOGGED; -- expect: table-rewrite-alter
ALTER TABLE events SET ACCESS METHOD heap; -- expect: table-rewrite-alter

-- Multi-action ALTER TABLE: each rewrite is reported at its own line.
ALTER TABLE audit_log
  ADD COLUMN note text,
  SET UNLOGGED, -- expect: table-rewrite-alter
  SET TABLESPACE archive; -- expect: table-rewrite-alter

-- Several statements on one line.
SELECT 1; ALTER TABLE a SET LOGGED; ALTER TABLE b SET LOGGED; -- expect: table-rewrite-alter, table-rewrite-alter
