DO $$ BEGIN EXECUTE 'CREATE INDEX i ON big (x)'; END $$; -- expect: opaque-body
CALL rebuild_everything(); -- expect: opaque-body
