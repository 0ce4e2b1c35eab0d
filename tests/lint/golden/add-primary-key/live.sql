-- lint-test: live=public.orders:5000000,public.settings:50
ALTER TABLE settings ADD PRIMARY KEY (key);
ALTER TABLE not_there_yet ADD PRIMARY KEY (id);
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: add-primary-key
