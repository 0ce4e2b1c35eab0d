-- lint-test: tx=none live=public.orders:5000000,public.settings:10
REINDEX TABLE settings;
REINDEX TABLE not_there_yet;
REINDEX TABLE orders; -- expect: reindex-not-concurrent
CREATE INDEX settings_key ON settings (key);
REINDEX INDEX settings_key;
REINDEX INDEX orders_customer_idx; -- expect: reindex-not-concurrent
