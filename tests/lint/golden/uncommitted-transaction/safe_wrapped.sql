-- In a wrapped migration strata commits at the end (BEGIN here is another rule's concern).
CREATE TABLE a (id bigint);
