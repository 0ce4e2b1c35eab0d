SELECT set_config('lock_timeout', '3s', false);
ALTER TABLE orders ADD COLUMN note text;
