-- lint-test: tx=none
CREATE DATABASE analytics;
SELECT 'DROP DATABASE analytics';
/* DROP DATABASE analytics; /* nested */ */
DROP SCHEMA IF EXISTS analytics_tmp;
