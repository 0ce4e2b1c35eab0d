CREATE TABLE users (
  id bigint PRIMARY KEY,
  email varchar(255), -- expect: prefer-text
  name character varying(100) NOT NULL -- expect: prefer-text
);
ALTER TABLE "Sales"."Orders" ADD COLUMN ref varchar(20), ALTER COLUMN code TYPE varchar(8); -- expect: prefer-text, prefer-text
