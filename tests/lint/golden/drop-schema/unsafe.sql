DROP SCHEMA reporting; -- expect: drop-schema
DROP SCHEMA IF EXISTS "Legacy", archive CASCADE; -- expect: drop-schema
-- Created here: staging. Not created here: Staging2 folds to staging2.
CREATE SCHEMA staging;
DROP SCHEMA staging; DROP SCHEMA Staging2; -- expect: drop-schema
