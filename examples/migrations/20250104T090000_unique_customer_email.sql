-- One branch: written by the accounts team.
-- strata:parent 20250103T090000_create_orders
-- strata:up
CREATE UNIQUE INDEX customers_email ON customers (lower(email));
-- strata:down
DROP INDEX customers_email;
