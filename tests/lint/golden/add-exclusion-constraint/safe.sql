-- On a table created in this migration, before it has rows.
CREATE TABLE "Bookings" (room_id int, during tstzrange);
ALTER TABLE "Bookings" ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
CREATE TABLE staging.bookings (room_id int, during tstzrange, EXCLUDE USING gist (during WITH &&));
SELECT 'ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&)';
DO $$ BEGIN ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&); END $$;
