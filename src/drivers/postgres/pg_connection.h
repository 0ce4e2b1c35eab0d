// RAII wrappers over libpq handles, and turning a failed PGresult into a
// Status with SQLSTATE, DETAIL, HINT and the error position.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/driver.h"
#include "strata/status.h"

namespace strata::drivers::pg {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

// kSqlError from a failed result; context line/column come from the error
// position, relative to `query`.
Status ResultError(const PGresult* result, PGconn* conn, std::string_view query);

// Runs `sql` with text parameters; ok when the result is a command or tuples.
struct Outcome {
  Status status;
  ResultPtr result;
};
Outcome Exec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params = {});

// Sends `queries` (each one statement, with its text parameters) in one
// pipeline and one network round trip. Returns the index of the first query
// that failed and its Status (queries after it are skipped by the server), or
// -1 and OK.
struct Query {
  std::string sql;
  std::vector<std::string> params;
};
struct PipelineOutcome {
  int failed = -1;
  Status status;
};
PipelineOutcome ExecPipeline(PGconn* conn, const std::vector<Query>& queries);

// One row of a result as text (NULL as nullopt), and every row.
Row RowAt(const PGresult* result, int row);
std::vector<Row> Rows(const PGresult* result);

// The password in a connection string, if libpq can parse it; and, for URLs
// it cannot, the one in "scheme://user:password@host" found by position.
// Both so that it can be scrubbed from every message.
std::string PasswordOf(const std::string& url);
std::string TextualPassword(std::string_view url);

}  // namespace strata::drivers::pg
