-- ADD PRIMARY KEY builds its index under ACCESS EXCLUSIVE (and sets NOT NULL).
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: add-primary-key
ALTER TABLE "Sales"."Orders" ADD CONSTRAINT "Orders_pk" PRIMARY KEY ("Id", region); -- expect: add-primary-key
ALTER TABLE events ADD COLUMN id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY; -- expect: add-primary-key
ALTER TABLE accounts
  ADD COLUMN note text,
  ADD CONSTRAINT accounts_pkey PRIMARY KEY (id); -- expect: add-primary-key
SELECT 1; ALTER TABLE a ADD PRIMARY KEY (x); ALTER TABLE b ADD PRIMARY KEY (y); -- expect: add-primary-key, add-primary-key
CREATE TABLE "Orders" (id bigint);
ALTER TABLE orders ADD CONSTRAINT orders_pk2 PRIMARY KEY (id); -- expect: add-primary-key
