-- lint-test: live=public.bookings:5000000,public.rooms:50
ALTER TABLE rooms ADD EXCLUDE USING gist (during WITH &&);
ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&); -- expect: add-exclusion-constraint
