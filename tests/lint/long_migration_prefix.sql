-- A long migration: forty new tables, their data and comments, then one hazard.
SET lock_timeout = '2s';
CREATE TABLE report_0 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r0'
);
INSERT INTO report_0 (id, label) VALUES (0, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_0_label ON report_0 (label); COMMENT ON TABLE report_0 IS 'report 0';
CREATE TABLE report_1 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r1'
);
INSERT INTO report_1 (id, label) VALUES (1, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_1_label ON report_1 (label); COMMENT ON TABLE report_1 IS 'report 1';
CREATE TABLE report_2 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r2'
);
INSERT INTO report_2 (id, label) VALUES (2, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_2_label ON report_2 (label); COMMENT ON TABLE report_2 IS 'report 2';
CREATE TABLE report_3 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r3'
);
INSERT INTO report_3 (id, label) VALUES (3, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_3_label ON report_3 (label); COMMENT ON TABLE report_3 IS 'report 3';
CREATE TABLE report_4 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r4'
);
INSERT INTO report_4 (id, label) VALUES (4, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_4_label ON report_4 (label); COMMENT ON TABLE report_4 IS 'report 4';
CREATE TABLE report_5 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r5'
);
INSERT INTO report_5 (id, label) VALUES (5, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_5_label ON report_5 (label); COMMENT ON TABLE report_5 IS 'report 5';
CREATE TABLE report_6 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r6'
);
INSERT INTO report_6 (id, label) VALUES (6, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_6_label ON report_6 (label); COMMENT ON TABLE report_6 IS 'report 6';
CREATE TABLE report_7 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r7'
);
INSERT INTO report_7 (id, label) VALUES (7, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_7_label ON report_7 (label); COMMENT ON TABLE report_7 IS 'report 7';
CREATE TABLE report_8 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r8'
);
INSERT INTO report_8 (id, label) VALUES (8, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_8_label ON report_8 (label); COMMENT ON TABLE report_8 IS 'report 8';
CREATE TABLE report_9 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r9'
);
INSERT INTO report_9 (id, label) VALUES (9, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_9_label ON report_9 (label); COMMENT ON TABLE report_9 IS 'report 9';
CREATE TABLE report_10 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r10'
);
INSERT INTO report_10 (id, label) VALUES (10, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_10_label ON report_10 (label); COMMENT ON TABLE report_10 IS 'report 10';
CREATE TABLE report_11 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r11'
);
INSERT INTO report_11 (id, label) VALUES (11, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_11_label ON report_11 (label); COMMENT ON TABLE report_11 IS 'report 11';
CREATE TABLE report_12 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r12'
);
INSERT INTO report_12 (id, label) VALUES (12, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_12_label ON report_12 (label); COMMENT ON TABLE report_12 IS 'report 12';
CREATE TABLE report_13 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r13'
);
INSERT INTO report_13 (id, label) VALUES (13, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_13_label ON report_13 (label); COMMENT ON TABLE report_13 IS 'report 13';
CREATE TABLE report_14 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r14'
);
INSERT INTO report_14 (id, label) VALUES (14, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_14_label ON report_14 (label); COMMENT ON TABLE report_14 IS 'report 14';
CREATE TABLE report_15 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r15'
);
INSERT INTO report_15 (id, label) VALUES (15, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_15_label ON report_15 (label); COMMENT ON TABLE report_15 IS 'report 15';
CREATE TABLE report_16 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r16'
);
INSERT INTO report_16 (id, label) VALUES (16, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_16_label ON report_16 (label); COMMENT ON TABLE report_16 IS 'report 16';
CREATE TABLE report_17 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r17'
);
INSERT INTO report_17 (id, label) VALUES (17, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_17_label ON report_17 (label); COMMENT ON TABLE report_17 IS 'report 17';
CREATE TABLE report_18 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r18'
);
INSERT INTO report_18 (id, label) VALUES (18, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_18_label ON report_18 (label); COMMENT ON TABLE report_18 IS 'report 18';
CREATE TABLE report_19 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r19'
);
INSERT INTO report_19 (id, label) VALUES (19, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_19_label ON report_19 (label); COMMENT ON TABLE report_19 IS 'report 19';
CREATE TABLE report_20 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r20'
);
INSERT INTO report_20 (id, label) VALUES (20, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_20_label ON report_20 (label); COMMENT ON TABLE report_20 IS 'report 20';
CREATE FUNCTION report_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- ALTER TABLE orders ALTER COLUMN id TYPE bigint; DROP INDEX x; REINDEX TABLE orders;
  NEW.label := NEW.label || ';';
  RETURN NEW;
END $fn$;
/* REINDEX TABLE orders; /* nested */ ALTER TABLE orders ADD PRIMARY KEY (id); */
CREATE TABLE report_21 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r21'
);
INSERT INTO report_21 (id, label) VALUES (21, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_21_label ON report_21 (label); COMMENT ON TABLE report_21 IS 'report 21';
CREATE TABLE report_22 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r22'
);
INSERT INTO report_22 (id, label) VALUES (22, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_22_label ON report_22 (label); COMMENT ON TABLE report_22 IS 'report 22';
CREATE TABLE report_23 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r23'
);
INSERT INTO report_23 (id, label) VALUES (23, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_23_label ON report_23 (label); COMMENT ON TABLE report_23 IS 'report 23';
CREATE TABLE report_24 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r24'
);
INSERT INTO report_24 (id, label) VALUES (24, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_24_label ON report_24 (label); COMMENT ON TABLE report_24 IS 'report 24';
CREATE TABLE report_25 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r25'
);
INSERT INTO report_25 (id, label) VALUES (25, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_25_label ON report_25 (label); COMMENT ON TABLE report_25 IS 'report 25';
CREATE TABLE report_26 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r26'
);
INSERT INTO report_26 (id, label) VALUES (26, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_26_label ON report_26 (label); COMMENT ON TABLE report_26 IS 'report 26';
CREATE TABLE report_27 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r27'
);
INSERT INTO report_27 (id, label) VALUES (27, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_27_label ON report_27 (label); COMMENT ON TABLE report_27 IS 'report 27';
CREATE TABLE report_28 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r28'
);
INSERT INTO report_28 (id, label) VALUES (28, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_28_label ON report_28 (label); COMMENT ON TABLE report_28 IS 'report 28';
CREATE TABLE report_29 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r29'
);
INSERT INTO report_29 (id, label) VALUES (29, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_29_label ON report_29 (label); COMMENT ON TABLE report_29 IS 'report 29';
CREATE TABLE report_30 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r30'
);
INSERT INTO report_30 (id, label) VALUES (30, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_30_label ON report_30 (label); COMMENT ON TABLE report_30 IS 'report 30';
CREATE TABLE report_31 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r31'
);
INSERT INTO report_31 (id, label) VALUES (31, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_31_label ON report_31 (label); COMMENT ON TABLE report_31 IS 'report 31';
CREATE TABLE report_32 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r32'
);
INSERT INTO report_32 (id, label) VALUES (32, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_32_label ON report_32 (label); COMMENT ON TABLE report_32 IS 'report 32';
CREATE TABLE report_33 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r33'
);
INSERT INTO report_33 (id, label) VALUES (33, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_33_label ON report_33 (label); COMMENT ON TABLE report_33 IS 'report 33';
CREATE TABLE report_34 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r34'
);
INSERT INTO report_34 (id, label) VALUES (34, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_34_label ON report_34 (label); COMMENT ON TABLE report_34 IS 'report 34';
CREATE TABLE report_35 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r35'
);
INSERT INTO report_35 (id, label) VALUES (35, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_35_label ON report_35 (label); COMMENT ON TABLE report_35 IS 'report 35';
CREATE TABLE report_36 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r36'
);
INSERT INTO report_36 (id, label) VALUES (36, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_36_label ON report_36 (label); COMMENT ON TABLE report_36 IS 'report 36';
CREATE TABLE report_37 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r37'
);
INSERT INTO report_37 (id, label) VALUES (37, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_37_label ON report_37 (label); COMMENT ON TABLE report_37 IS 'report 37';
CREATE TABLE report_38 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r38'
);
INSERT INTO report_38 (id, label) VALUES (38, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_38_label ON report_38 (label); COMMENT ON TABLE report_38 IS 'report 38';
CREATE TABLE report_39 (
  id bigint PRIMARY KEY,
  label text NOT NULL DEFAULT 'r39'
);
INSERT INTO report_39 (id, label) VALUES (39, 'ALTER TABLE orders ADD COLUMN x int; -- not DDL');
CREATE INDEX report_39_label ON report_39 (label); COMMENT ON TABLE report_39 IS 'report 39';
