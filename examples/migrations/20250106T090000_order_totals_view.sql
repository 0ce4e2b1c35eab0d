-- strata:parent 20250105T090000_merge_accounts_and_orders
-- strata:up
CREATE VIEW order_totals AS
SELECT o.id AS order_id, o.customer_id, COALESCE(SUM(i.quantity * i.price_cents), 0) AS total_cents
FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
GROUP BY o.id, o.customer_id;
-- strata:down
DROP VIEW order_totals;
