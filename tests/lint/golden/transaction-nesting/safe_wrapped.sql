-- A wrapped migration without any transaction control of its own.
CREATE TABLE a (id bigint);
SAVEPOINT s1;
CREATE TABLE b (id bigint);
RELEASE SAVEPOINT s1;
/* BEGIN; COMMIT; /* nested */ */
SELECT 'COMMIT';
