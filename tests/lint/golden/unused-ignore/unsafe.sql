-- strata:ignore index-not-concurrent -- expect: unused-ignore
SELECT 1;
-- strata:ignore no-such-rule -- expect: unused-ignore
SELECT 2;
