-- Exactly 63 bytes is the limit, not over it.
CREATE TABLE abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefghij_abcdefgh (id bigint);
CREATE INDEX orders_customer_idx ON orders (id);
SELECT 'this_string_is_much_longer_than_sixty_three_bytes_but_it_is_only_a_literal';
