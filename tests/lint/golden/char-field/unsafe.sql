CREATE TABLE countries (
  code char(2) PRIMARY KEY, -- expect: char-field
  iso3 character(3), -- expect: char-field
  flag CHAR -- expect: char-field
);
ALTER TABLE "Sales"."Orders" ADD COLUMN currency bpchar(3); -- expect: char-field
ALTER TABLE orders ALTER COLUMN kind TYPE char(1); -- expect: char-field
