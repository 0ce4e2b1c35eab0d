CREATE TABLE this_table_name_is_far_too_long_for_postgresql_which_keeps_63_bytes (id bigint); -- expect: identifier-too-long
CREATE TABLE orders (id bigint, "a column whose quoted name runs well past the sixty-three byte limit" text); -- expect: identifier-too-long
CREATE INDEX orders_customer_id_placed_at_status_and_some_more_words_to_overflow_idx ON orders (id); -- expect: identifier-too-long
ALTER TABLE orders ADD CONSTRAINT orders_customer_reference_that_has_a_very_long_and_wordy_name_fk FOREIGN KEY (id) REFERENCES customers; -- expect: identifier-too-long
ALTER TABLE orders RENAME TO orders_renamed_to_something_that_is_much_longer_than_sixty_three_bytes; -- expect: identifier-too-long
CREATE SCHEMA reporting_schema_for_the_quarterly_numbers_of_every_department_of_the_group; -- expect: identifier-too-long
