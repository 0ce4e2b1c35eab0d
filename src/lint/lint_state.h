// What the linter knows at a given statement: the transaction it runs in,
// the lock_timeout in effect, and the objects created or changed earlier in
// the same migration, transaction or run. Rules ask; the Linter updates it
// after each statement with Apply().
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sql/pg_statement.h"
#include "strata/lint.h"

namespace strata::lint {

// How the statements of a migration run.
enum class TxMode {
  kWrapped,  // strata (or the tool) wraps the migration in one transaction
  kNone,     // autocommit, explicit BEGIN/COMMIT honoured (psql's model)
};

class LintState {
 public:
  explicit LintState(const LintOptions& options);

  // Starts a migration or script. `keep_created` carries tables created by
  // earlier migrations over (one `up` run); otherwise they are forgotten.
  // `runner_lock_timeout`: strata itself sets lock_timeout for these statements.
  void BeginMigration(TxMode mode, bool keep_created, bool runner_lock_timeout = false);
  // Updates the state with a statement that has been checked.
  void Apply(const sql::ParsedStatement& statement);

  bool in_transaction() const { return in_transaction_; }
  // True when the transaction is strata's wrapper rather than an explicit BEGIN.
  bool wrapped() const { return mode_ == TxMode::kWrapped; }
  TxMode mode() const { return mode_; }
  int transaction_depth() const { return explicit_depth_; }

  // A lock_timeout applies to the next statement (SET, SET LOCAL inside a
  // transaction, set_config, or declared by the options).
  bool lock_timeout_in_effect() const;

  // The table was created earlier in this migration (or run), or, against a
  // live database, does not exist there: no running code depends on it and
  // it holds no rows worth protecting.
  bool IsNew(const sql::QualifiedName& table) const;
  // IsNew, or a live table smaller than the small-table threshold: scans,
  // rewrites and index builds on it finish at once.
  bool IsNewOrSmall(const sql::QualifiedName& table) const;
  // Created in the current transaction (same-transaction rules).
  bool CreatedInTransaction(const sql::QualifiedName& table) const;
  // The table an index was created on, when this migration (or run) created
  // it: CREATE INDEX, or a named PRIMARY KEY / UNIQUE / EXCLUDE constraint.
  // An index lives in its table's schema.
  std::optional<sql::QualifiedName> IndexTable(const sql::QualifiedName& index) const;

  // A validated CHECK (col IS NOT NULL) on the table, seen earlier.
  bool HasValidatedNotNullCheck(const sql::QualifiedName& table, const std::string& column) const;
  // Some validated CHECK constraint on the table was seen earlier (added
  // without NOT VALID, or validated): e.g. one proving a partition bound.
  bool HasValidatedCheck(const sql::QualifiedName& table) const;
  // Added NOT VALID in the current transaction (validate-same-tx).
  bool AddedNotValidInTransaction(const sql::QualifiedName& table,
                                  const std::string& constraint) const;
  // The column's type as created or last altered in the files linted so far.
  std::optional<sql::TypeInfo> KnownColumnType(const sql::QualifiedName& table,
                                               const std::string& column) const;
  // Enum labels added by ALTER TYPE ... ADD VALUE in the current transaction.
  const std::set<std::string>& enum_values_added_in_transaction() const {
    return enum_values_in_tx_;
  }
  // The statement in the current transaction that took an ACCESS EXCLUSIVE
  // lock on an existing table, if any (its offset), and that table.
  std::optional<size_t> exclusive_lock_offset() const { return exclusive_lock_offset_; }
  const sql::QualifiedName& exclusive_lock_table() const { return exclusive_lock_table_; }

  // "schema.name" with the default schema filled in: the key for lookups.
  std::string Key(const sql::QualifiedName& name) const;

 private:
  void EndTransaction();
  void ApplyTransaction(const sql::ParsedStatement& statement);
  void ApplySettings(const sql::ParsedStatement& statement);
  void ApplyTableChanges(const sql::ParsedStatement& statement);

  const LintOptions& options_;
  TxMode mode_ = TxMode::kWrapped;
  bool in_transaction_ = false;
  int explicit_depth_ = 0;
  bool session_lock_timeout_ = false;
  bool runner_lock_timeout_ = false;
  bool local_lock_timeout_ = false;
  std::set<std::string> created_;           // this migration (or run)
  std::set<std::string> created_in_tx_;     // this transaction
  std::set<std::string> not_null_checks_;   // "table\ncolumn"
  std::set<std::string> pending_not_null_;  // NOT VALID checks, by "table\nconstraint"
  std::map<std::string, std::string> pending_check_column_;    // "table\nconstraint" -> column
  std::set<std::string> not_valid_in_tx_;                      // "table\nconstraint"
  std::map<std::string, sql::QualifiedName> created_indexes_;  // index key -> its table
  std::set<std::string> validated_checks_;                     // tables with a validated CHECK
  std::set<std::string> pending_checks_;               // NOT VALID checks, by "table\nconstraint"
  std::map<std::string, sql::TypeInfo> column_types_;  // "table\ncolumn"
  std::set<std::string> enum_values_in_tx_;
  std::optional<size_t> exclusive_lock_offset_;
  sql::QualifiedName exclusive_lock_table_;
};

// Whether a statement takes an ACCESS EXCLUSIVE lock on `relation` (most
// ALTER TABLE forms, DROP, TRUNCATE, LOCK, VACUUM FULL, CLUSTER, REFRESH).
bool TakesAccessExclusive(const sql::ParsedStatement& statement);
// Whether it takes a lock of SHARE or stronger on an existing relation, and
// which relation; empty name when it takes none.
sql::QualifiedName StrongLockTarget(const sql::ParsedStatement& statement);

}  // namespace strata::lint
