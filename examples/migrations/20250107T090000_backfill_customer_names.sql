-- A data fix that runs statement by statement, outside a transaction.
-- strata:parent 20250106T090000_order_totals_view
-- strata:no-transaction
-- strata:up
ALTER TABLE customers ADD COLUMN display_name TEXT;
UPDATE customers SET display_name = trim(name) WHERE display_name IS NULL;
-- strata:down
ALTER TABLE customers DROP COLUMN display_name;
