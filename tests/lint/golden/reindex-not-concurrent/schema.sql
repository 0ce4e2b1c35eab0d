-- lint-test: tx=none
REINDEX SCHEMA app; -- expect: reindex-not-concurrent
REINDEX DATABASE shop; -- expect: reindex-not-concurrent
REINDEX SYSTEM shop; -- expect: reindex-not-concurrent
REINDEX SCHEMA CONCURRENTLY app;
