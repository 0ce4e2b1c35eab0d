// strata/driver.h: the one interface through which the engine reaches a
// database. Each engine (SQLite, PostgreSQL, an in-memory fake for tests)
// implements it and hides every dialect difference behind it: statement
// splitting, transactions, the migration lock and ledger storage.
//
// Thread safety: a Driver is used by one thread at a time.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/ledger_entry.h"
#include "strata/lint.h"
#include "strata/result.h"
#include "strata/status.h"

namespace strata {

// One SQL statement of a migration part, with its position in that part's text.
struct Statement {
  std::string text;  // without the terminating semicolon's trailing blanks
  int line = 1;      // 1-based line of the first token, relative to the part
  int column = 1;    // 1-based column of the first token
};

using Row = std::vector<std::optional<std::string>>;

// What Driver::QueryFirstRow saw.
struct FirstRow {
  // The statement produced a result set (a query, or e.g. INSERT ... RETURNING);
  // false for a statement that only does something (INSERT, DO, CREATE ...).
  bool has_result_set = false;
  // The first row of that result set, as text (NULL as nullopt); nullopt when
  // there is no result set or it is empty.
  std::optional<Row> row;
};

// Who holds the migration lock, when the engine can tell; shown while waiting.
using LockWaitCallback = std::function<void(const std::string& holder_description)>;

// How a PostgreSQL migrator keeps others out. kSession: an advisory lock held
// by the session (the default; needs a real session, not a transaction pool).
// kLease: a lease row renewed by a heartbeat, with a fencing token checked on
// every ledger write (works behind PgBouncer in transaction mode). SQLite
// always uses its file lock.
enum class LockMode { kSession, kLease };

struct DriverOptions {
  std::string ledger_table = "strata_ledger";  // created on first write
  std::string ledger_schema = "public";        // PostgreSQL only; created if missing
  // PostgreSQL: lock_timeout for migration statements, so DDL that would
  // queue behind a long transaction (and block every query behind it) gives
  // up instead. 0 disables it.
  std::chrono::milliseconds ddl_lock_timeout{5000};
  LockMode lock_mode = LockMode::kSession;
  std::chrono::milliseconds lease_ttl{30000};  // kLease: expiry unless renewed
};

class Driver {
 public:
  virtual ~Driver() = default;

  // "sqlite", "postgres", "memory".
  virtual std::string_view dialect() const = 0;

  // The database location with any password replaced by "***".
  virtual std::string redacted_url() const = 0;

  // Splits a migration part into statements using the engine's own tokenizer.
  // Comments-only input yields no statements. Fails with kInvalidMigrations
  // (context.line set) when the text cannot be split, e.g. an open quote.
  virtual Result<std::vector<Statement>> Split(std::string_view script) const = 0;

  // Checks a migration part's statements before anything runs, for rules of
  // this engine: e.g. PostgreSQL refuses CREATE INDEX CONCURRENTLY inside a
  // transaction, and COPY FROM STDIN needs psql. `transactional` says whether
  // strata will wrap the part in a transaction. Errors carry context.line and
  // column from the failing statement's position.
  virtual Status CheckStatements(const std::vector<Statement>& statements,
                                 bool transactional) const {
    (void)statements;
    (void)transactional;
    return Status::Ok();
  }

  // Runs one statement. On failure the Status is kSqlError with the database's
  // message and, when known, context.sqlstate/detail/hint, and context.line and
  // column of the error position relative to the statement text.
  virtual Status Execute(std::string_view sql) = 0;
  // Runs a query and returns every row as text (NULL as nullopt).
  virtual Result<std::vector<Row>> Query(std::string_view sql) = 0;
  // Runs one statement of any kind and says whether it produced a result set
  // and, if so, its first row; the rest is not fetched where the engine allows.
  // Used for `-- strata:verify` checks. Errors as for Execute(). Drivers that
  // cannot tell a query from a command fail with kUnsupported.
  virtual Result<FirstRow> QueryFirstRow(std::string_view sql) {
    (void)sql;
    return Status(Code::kUnsupported, "this driver cannot run verify queries");
  }

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Runs the statements of one transactional step, after opening the
  // transaction when `open_transaction`. A driver may send them all in one
  // round trip. On failure context.statement_index names the statement that
  // failed (line/column relative to it) and the transaction is left for
  // Rollback().
  virtual Status ExecuteBatch(const std::vector<Statement>& statements, bool open_transaction) {
    if (open_transaction) STRATA_RETURN_IF_ERROR(Begin());
    for (size_t i = 0; i < statements.size(); ++i) {
      Status status = Execute(statements[i].text);
      if (!status.ok()) {
        status.mutable_context().statement_index = static_cast<int>(i);
        return status;
      }
    }
    return Status::Ok();
  }
  // Appends the step's ledger row and commits (one round trip where possible).
  virtual Status AppendLedgerAndCommit(const LedgerEntry& entry) {
    STRATA_RETURN_IF_ERROR(AppendLedger(entry));
    return Commit();
  }

  // Takes the database-wide migration lock, waiting up to `timeout`; calls
  // `on_wait` once when it has to wait. kLockTimeout when the time runs out.
  // The lock is released by Unlock(), by destroying the driver, or by the
  // operating system/server when the process dies.
  virtual Status Lock(std::chrono::milliseconds timeout, const LockWaitCallback& on_wait) = 0;
  virtual Status Unlock() = 0;

  // Creates the ledger table when missing. Must not commit an open transaction.
  virtual Status EnsureLedger() = 0;
  // All ledger rows in seq order; empty when the table does not exist yet.
  virtual Result<std::vector<LedgerEntry>> ReadLedger() = 0;
  // Inserts one row (inside the current transaction if one is open).
  virtual Status AppendLedger(const LedgerEntry& entry) = 0;

  // SQL text for `--sql` scripts: what EnsureLedger/AppendLedger would run,
  // and how this engine opens and closes a transaction.
  virtual std::string LedgerDdlSql() const = 0;
  virtual std::string LedgerInsertSql(const LedgerEntry& entry) const = 0;
  virtual std::string BeginSql() const { return "BEGIN;"; }
  virtual std::string CommitSql() const { return "COMMIT;"; }

  // Makes everything committed so far durable. The engine calls it once at
  // the end of a successful run, which lets a driver commit cheaply per
  // migration (atomic, crash-safe, not yet fsynced) and pay for durability once.
  virtual Status Sync() = 0;

  // PostgreSQL: every table (and materialized view) with its estimated row
  // count, keyed "schema.name", for lint before `up`. kUnsupported elsewhere.
  virtual Result<std::map<std::string, TableEstimate>> EstimateTables() {
    return Status(Code::kUnsupported, "table estimates need PostgreSQL");
  }
};

// Opens a driver for a URL: "sqlite:PATH", "sqlite::memory:", "sqlite:///abs/path".
// Nothing is created until first use that needs it.
Result<std::unique_ptr<Driver>> OpenDriver(const std::string& url, const DriverOptions& options);

// Replaces the password in a URL ("postgres://u:secret@h" -> "postgres://u:***@h").
std::string RedactUrl(std::string_view url);

}  // namespace strata
