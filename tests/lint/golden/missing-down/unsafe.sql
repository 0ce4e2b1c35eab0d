-- lint-test: migration no-down
CREATE TABLE widgets (id bigint PRIMARY KEY); -- expect: missing-down
