// What strata needs to know about a PostgreSQL statement before it runs,
// read from the real parse tree (libpg_query). Lint rules will get a richer
// model; this is the part the engine and the driver use.
#pragma once

#include <string>
#include <string_view>

#include "strata/result.h"

namespace strata::sql {

struct PgStatementInfo {
  std::string node;  // parse-tree node, e.g. "IndexStmt", "CopyStmt"
  // CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, CREATE
  // DATABASE, ALTER SYSTEM...: PostgreSQL refuses them inside a transaction.
  bool needs_no_transaction = false;
  std::string what;  // "CREATE INDEX CONCURRENTLY", for messages
  // COPY ... FROM STDIN / TO STDOUT: needs psql's data stream, not SQL.
  bool copy_with_client_stream = false;
  // BEGIN / COMMIT / ROLLBACK / SAVEPOINT written into the migration.
  bool transaction_control = false;
  // For CREATE INDEX CONCURRENTLY: the index name, schema-qualified when the
  // table is (indexes live in their table's schema), quoted for to_regclass.
  std::string concurrent_index;
  // The table a DDL statement locks (ALTER TABLE, CREATE INDEX, RENAME,
  // CREATE TRIGGER), quoted for to_regclass; empty when not known.
  std::string target_relation;
};

// Parses one statement. kInvalidMigrations with context line/column
// (relative to `statement`) and the parser's message on a syntax error.
// `want_names` fills concurrent_index and target_relation, at the cost of
// reading the whole tree.
Result<PgStatementInfo> ClassifyPostgres(std::string_view statement, bool want_names = false);

}  // namespace strata::sql
