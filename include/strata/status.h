// strata/status.h: the error value every library call returns.
//
// The library never throws for an expected failure. A Status is cheap to copy
// and carries a Code that callers branch on, a human message, and structured
// context (migration id, file, line, statement) so the CLI can render
// "file:line: message" and an embedding program can log fields.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace strata {

// One code per condition a caller may act on. Keep values stable: the CLI maps
// them to exit codes and JSON carries their names.
enum class Code {
  kOk = 0,
  kInvalidArgument,    // bad option, unknown target, malformed URL
  kNotFound,           // a file or revision that does not exist
  kIoError,            // reading or writing a file failed
  kInvalidMigrations,  // the migrations directory or graph is malformed
  kMultipleHeads,      // an operation needs one head and there are several
  kHistoryChanged,     // an applied migration was edited, removed or re-parented
  kSqlError,           // the database rejected a statement
  kLockTimeout,        // another migrator held the lock for too long
  kDirty,              // a no-transaction migration failed or was interrupted
  kLedgerCorrupt,      // the ledger's hash chain does not verify
  kConnection,         // the database could not be opened
  kUnsupported,        // the request cannot be met by this driver or mode
  kUnsafeMigration,    // lint found error-level hazards and unsafe runs were not allowed
  kInternal,           // a bug in strata
  kVerifyFailed,       // a `-- strata:verify` query returned no rows, false or NULL
};

// Stable lower-case name of a code, e.g. "lock_timeout" (used in JSON output).
const char* CodeName(Code code);

// Where a failure happened. Empty strings and zero numbers mean "not known".
struct ErrorContext {
  std::string migration_id;
  std::string file;
  int line = 0;              // 1-based line in `file`
  int column = 0;            // 1-based column in `file`
  int statement_index = -1;  // 0-based index of the statement in the migration part
  std::string statement;     // first line of the failing statement
  std::string sqlstate;      // SQLSTATE or engine-specific error code
  std::string detail;        // the server's DETAIL, when it sent one
  std::string hint;          // the server's HINT, when it sent one
  // The statement failed only because it could not get a lock in time
  // (PostgreSQL lock_timeout, SQLite busy): running it again may succeed.
  bool retryable = false;
};

// One problem found while reading or validating; a Status may carry many so
// that a directory with several errors is reported in one run.
struct Problem {
  std::string file;
  int line = 0;
  std::string message;
  int column = 0;  // 1-based; 0 when unknown
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message, ErrorContext context = {})
      : code_(code), message_(std::move(message)), context_(std::move(context)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const ErrorContext& context() const { return context_; }
  ErrorContext& mutable_context() { return context_; }
  const std::vector<Problem>& problems() const { return problems_; }

  Status& WithProblems(std::vector<Problem> problems) {
    problems_ = std::move(problems);
    return *this;
  }

  // "code: message" plus the location when known; for logs and tests.
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  ErrorContext context_;
  std::vector<Problem> problems_;
};

}  // namespace strata
