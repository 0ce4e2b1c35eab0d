-- lint-test: migration
CREATE TABLE widgets (id bigint PRIMARY KEY);
