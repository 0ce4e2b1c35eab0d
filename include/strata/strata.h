// strata/strata.h: embed strata in a C++ program.
//
//   strata::MigratorOptions options;
//   options.url = "sqlite:app.db";
//   options.migrations_dir = "migrations";
//   auto migrator = strata::Migrator::Open(options);
//   if (!migrator.ok()) return fail(migrator.status());
//   auto run = (*migrator)->Run(strata::Operation::UpToHeads());
//
// Every call that changes the database (Run, Stamp, Repair) and every plan
// (Plan, Script) takes the migration lock first, reads the ledger only once the
// lock is held, and releases it on return. GetStatus, History, Audit and
// Validate only read, from one consistent snapshot, without waiting for a
// running migrator.
// A Migrator is used by one thread at a time.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/driver.h"
#include "strata/events.h"
#include "strata/ledger_entry.h"
#include "strata/lint.h"
#include "strata/result.h"
#include "strata/status.h"

namespace strata {

struct MigratorOptions {
  std::string url = "sqlite:strata.db";
  std::string migrations_dir = "migrations";
  // The layout of migrations_dir: "strata" (native), "flyway",
  // "golang-migrate", "goose", "dbmate", "diesel" or "sqitch". Empty: detected
  // from the directory's files when that is unambiguous.
  std::string format;
  std::string ledger_table = "strata_ledger";
  std::string ledger_schema = "public";  // PostgreSQL only
  std::chrono::milliseconds lock_timeout{30000};
  // PostgreSQL: lock_timeout for migration statements (0 = none).
  std::chrono::milliseconds ddl_lock_timeout{5000};
  LockMode lock_mode = LockMode::kSession;  // PostgreSQL only; see driver.h
  std::string actor;                        // recorded in the ledger; default user@host
  EventListener listener;                   // optional
  // PostgreSQL: lint pending migrations before `up` runs them, knowing which
  // tables exist and how big they are; error-level findings stop the run
  // (RunOptions::allow_unsafe overrides). Warnings arrive as kLintFinding events.
  bool lint_before_up = true;
  LintOptions lint;
  // Where throwaway databases are created to learn what migrations produce
  // (diff migrations@ID, drift, test rollback): a PostgreSQL server URL whose
  // role has CREATEDB. Empty: the server of `url`. SQLite always uses a
  // temporary file.
  std::string scratch_url;
};

// The driver settings `options` implies (ledger table and schema, DDL lock
// timeout, lock mode), for opening a driver or inspector on its database.
DriverOptions DriverOptionsFor(const MigratorOptions& options);

// What to migrate to. Build with the named constructors.
struct Operation {
  enum class Kind { kUp, kDown, kGoto };
  enum class TargetKind { kHeads, kRevision, kRelative, kAll };
  Kind kind = Kind::kUp;
  TargetKind target = TargetKind::kHeads;
  std::string revision;  // kRevision: an id or a unique prefix of one
  int count = 0;         // kRelative: how many steps

  static Operation UpToHeads() { return {}; }
  static Operation UpTo(std::string id) {
    return {Kind::kUp, TargetKind::kRevision, std::move(id), 0};
  }
  static Operation UpBy(int n) { return {Kind::kUp, TargetKind::kRelative, {}, n}; }
  static Operation DownTo(std::string id) {
    return {Kind::kDown, TargetKind::kRevision, std::move(id), 0};
  }
  static Operation DownBy(int n) { return {Kind::kDown, TargetKind::kRelative, {}, n}; }
  static Operation DownAll() { return {Kind::kDown, TargetKind::kAll, {}, 0}; }
  static Operation Goto(std::string id) {
    return {Kind::kGoto, TargetKind::kRevision, std::move(id), 0};
  }
};

struct PlanStep {
  std::string migration_id;
  Direction direction = Direction::kUp;
  bool transactional = true;
};

struct RunOptions {
  bool single_transaction = false;  // the whole plan commits or nothing does
  // Retries of a transactional migration that failed only because a
  // statement could not get a lock in time (see ErrorContext::retryable),
  // with exponential backoff from `retry_backoff`.
  int lock_retries = 0;
  std::chrono::milliseconds retry_backoff{1000};
  // PostgreSQL: run migrations even when lint finds error-level hazards in
  // them. The findings allowed are noted in each migration's ledger row.
  bool allow_unsafe = false;
};

struct RunReport {
  std::vector<PlanStep> plan;
  int completed = 0;  // steps that committed
  int64_t duration_ms = 0;
};

struct MigrationState {
  std::string id;
  std::vector<std::string> parents;
  bool applied = false;
  std::string applied_at;  // recorded_at of the row that applied it
  bool is_head = false;    // no migration names it as parent
  bool transactional = true;
  bool has_down = false;
};

struct DirtyState {
  std::string migration_id;
  Direction direction = Direction::kUp;
  LedgerEvent event = LedgerEvent::kStarted;  // kStarted (interrupted) or kFailed
  std::string error;
  std::string recorded_at;
};

struct StatusReport {
  std::string url;                         // redacted
  std::vector<MigrationState> migrations;  // deterministic topological order
  std::vector<std::string> heads;          // heads of the graph
  std::vector<std::string> current;        // applied migrations with no applied child
  int pending = 0;
  std::optional<DirtyState> dirty;
  std::vector<Problem> history_problems;  // applied migrations edited, missing, re-parented
  std::string ledger_head;                // row_hash of the last ledger row
};

struct AuditReport {
  int64_t rows = 0;
  std::string head;                      // row_hash of the last row, or empty for an empty ledger
  int64_t rows_after_expected_head = 0;  // rows appended since the expected head
};

struct ValidationReport {
  int migrations = 0;
  std::vector<std::string> heads;
  bool database_checked = false;
  // PostgreSQL, database checked: lint findings of the pending migrations,
  // with what the database knows (as `up` would see them).
  std::vector<LintFinding> lint;
};

enum class Resolution { kApplied, kReverted };

class Migrator {
 public:
  // Reads and validates the migrations directory (refusing it whole on any
  // error) and opens the driver; the database is not touched yet.
  static Result<std::unique_ptr<Migrator>> Open(const MigratorOptions& options);
  // Same, with a driver supplied by the caller (e.g. an in-memory test driver).
  static Result<std::unique_ptr<Migrator>> Open(const MigratorOptions& options,
                                                std::unique_ptr<Driver> driver);

  ~Migrator();
  Migrator(const Migrator&) = delete;
  Migrator& operator=(const Migrator&) = delete;

  Result<StatusReport> GetStatus();
  // The plan an operation would run, computed under the lock; runs nothing.
  Result<std::vector<PlanStep>> Plan(const Operation& operation);
  // The exact SQL script an operation would run, ledger writes included.
  Result<std::string> Script(const Operation& operation, const RunOptions& run = {});
  Result<RunReport> Run(const Operation& operation, const RunOptions& run = {});
  // Records the migrations as applied/reverted to reach `id` without running SQL.
  Result<RunReport> Stamp(const std::string& id);
  // Records an operator's resolution of the dirty migration `id`.
  Status Repair(const std::string& id, Resolution resolution, const std::string& note = {});
  Result<std::vector<LedgerEntry>> History();
  Result<AuditReport> Audit(const std::string& expect_head = {});
  // Checks the graph (always) and, when `check_database`, the ledger against
  // the files. kMultipleHeads when `single_head` and there are several heads.
  Result<ValidationReport> Validate(bool single_head, bool check_database);

  // Lints the migrations not yet applied, in plan order, with what the
  // database knows (which tables exist, their size). Reads only.
  Result<LintReport> LintPending();

 private:
  class Impl;
  explicit Migrator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace strata
