-- An exclusion constraint has no online form.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&); -- expect: add-exclusion-constraint
ALTER TABLE "Sales"."Bookings" ADD EXCLUDE USING gist ("Room" WITH =, during WITH &&); -- expect: add-exclusion-constraint
ALTER TABLE rooms
  ADD COLUMN note text,
  ADD CONSTRAINT rooms_no_overlap EXCLUDE USING gist (during WITH &&) WHERE (active); -- expect: add-exclusion-constraint
SELECT 1; ALTER TABLE a ADD EXCLUDE USING gist (r WITH &&); ALTER TABLE b ADD EXCLUDE (k WITH =); -- expect: add-exclusion-constraint, add-exclusion-constraint
CREATE TABLE "Bookings" (room_id int, during tstzrange);
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap2 EXCLUDE USING gist (during WITH &&); -- expect: add-exclusion-constraint
