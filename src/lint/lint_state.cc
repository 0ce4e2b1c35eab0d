#include "lint/lint_state.h"

#include <algorithm>

namespace strata::lint {

namespace {

using sql::AlterKind;
using sql::StatementKind;

std::string Pair(const std::string& a, const std::string& b) { return a + '\n' + b; }

bool TurnsTimeoutOff(const std::string& value) {
  // lock_timeout = 0 (in any unit) disables the timeout.
  const size_t end = value.find_first_not_of("0123456789.");
  const std::string_view number(value.data(), end == std::string::npos ? value.size() : end);
  return !number.empty() && number.find_first_not_of("0.") == std::string_view::npos;
}

}  // namespace

LintState::LintState(const LintOptions& options) : options_(options) {}

void LintState::BeginMigration(TxMode mode, bool keep_created, bool runner_lock_timeout) {
  mode_ = mode;
  runner_lock_timeout_ = runner_lock_timeout;
  in_transaction_ = mode == TxMode::kWrapped;
  explicit_depth_ = 0;
  session_lock_timeout_ = false;
  local_lock_timeout_ = false;
  if (!keep_created) {
    created_.clear();
    created_indexes_.clear();
  }
  EndTransaction();
  in_transaction_ = mode == TxMode::kWrapped;
}

void LintState::EndTransaction() {
  in_transaction_ = false;
  local_lock_timeout_ = false;
  created_in_tx_.clear();
  not_valid_in_tx_.clear();
  enum_values_in_tx_.clear();
  exclusive_lock_offset_.reset();
  exclusive_lock_table_ = {};
}

std::string LintState::Key(const sql::QualifiedName& name) const {
  return (name.schema.empty() ? options_.default_schema : name.schema) + "." + name.name;
}

bool LintState::lock_timeout_in_effect() const {
  return options_.assume_lock_timeout || runner_lock_timeout_ || session_lock_timeout_ ||
         (in_transaction_ && local_lock_timeout_);
}

bool LintState::IsNew(const sql::QualifiedName& table) const {
  const std::string key = Key(table);
  if (created_.count(key) != 0) return true;
  return options_.live_tables.has_value() && options_.live_tables->count(key) == 0;
}

bool LintState::IsNewOrSmall(const sql::QualifiedName& table) const {
  if (IsNew(table)) return true;
  if (!options_.live_tables.has_value()) return false;
  auto found = options_.live_tables->find(Key(table));
  return found != options_.live_tables->end() && found->second.rows < options_.small_table_rows;
}

bool LintState::CreatedInTransaction(const sql::QualifiedName& table) const {
  return created_in_tx_.count(Key(table)) != 0;
}

std::optional<sql::QualifiedName> LintState::IndexTable(const sql::QualifiedName& index) const {
  auto found = created_indexes_.find(Key(index));
  if (found == created_indexes_.end()) return std::nullopt;
  return found->second;
}

bool LintState::HasValidatedCheck(const sql::QualifiedName& table) const {
  return validated_checks_.count(Key(table)) != 0;
}

bool LintState::HasValidatedNotNullCheck(const sql::QualifiedName& table,
                                         const std::string& column) const {
  return not_null_checks_.count(Pair(Key(table), column)) != 0;
}

bool LintState::AddedNotValidInTransaction(const sql::QualifiedName& table,
                                           const std::string& constraint) const {
  return not_valid_in_tx_.count(Pair(Key(table), constraint)) != 0;
}

std::optional<sql::TypeInfo> LintState::KnownColumnType(const sql::QualifiedName& table,
                                                        const std::string& column) const {
  auto found = column_types_.find(Pair(Key(table), column));
  if (found == column_types_.end()) return std::nullopt;
  return found->second;
}

void LintState::Apply(const sql::ParsedStatement& statement) {
  if (statement.kind == StatementKind::kTransaction) {
    ApplyTransaction(statement);
    return;
  }
  ApplySettings(statement);
  ApplyTableChanges(statement);
  if (in_transaction_ && !exclusive_lock_offset_ && TakesAccessExclusive(statement) &&
      !IsNew(statement.relation)) {
    exclusive_lock_offset_ = statement.offset;
    exclusive_lock_table_ = statement.relation;
  }
}

void LintState::ApplyTransaction(const sql::ParsedStatement& statement) {
  switch (statement.transaction) {
    case sql::TransactionKind::kBegin:
      ++explicit_depth_;
      in_transaction_ = true;
      break;
    case sql::TransactionKind::kCommit:
    case sql::TransactionKind::kRollback:
    case sql::TransactionKind::kPrepare:
      // Even inside strata's wrapper a COMMIT ends the transaction: what
      // follows runs in autocommit.
      explicit_depth_ = 0;
      EndTransaction();
      break;
    default:
      break;
  }
}

void LintState::ApplySettings(const sql::ParsedStatement& statement) {
  for (const sql::SettingChange& change : statement.settings) {
    if (change.name != "lock_timeout" && change.name != "all") continue;
    if (change.reset) {
      session_lock_timeout_ = false;
      local_lock_timeout_ = false;
      continue;
    }
    const bool on = !TurnsTimeoutOff(change.value);
    if (change.is_local) {
      // SET LOCAL outside a transaction block has no effect.
      if (in_transaction_) local_lock_timeout_ = on;
    } else {
      session_lock_timeout_ = on;
      local_lock_timeout_ = on;
    }
  }
}

void LintState::ApplyTableChanges(const sql::ParsedStatement& statement) {
  const std::string table = Key(statement.relation);
  // Indexes and validated CHECKs that table constraints bring with them.
  auto note_constraint = [&](const sql::ConstraintInfo& c) {
    const bool has_index = c.kind == sql::ConstraintKind::kPrimaryKey ||
                           c.kind == sql::ConstraintKind::kUnique ||
                           c.kind == sql::ConstraintKind::kExclusion;
    // PostgreSQL names an unnamed primary key's index `table_pkey`.
    const std::string index = c.name.empty() && c.kind == sql::ConstraintKind::kPrimaryKey
                                  ? statement.relation.name + "_pkey"
                                  : c.name;
    if (has_index && !index.empty()) {
      created_indexes_[Key({statement.relation.schema, index})] = statement.relation;
    }
    if (c.kind != sql::ConstraintKind::kCheck) return;
    if (c.not_valid) {
      pending_checks_.insert(Pair(table, c.name));
    } else {
      validated_checks_.insert(table);
    }
  };
  switch (statement.kind) {
    case StatementKind::kCreateTable:
    case StatementKind::kCreateTableAs:
      created_.insert(table);
      if (in_transaction_) created_in_tx_.insert(table);
      for (const sql::ColumnInfo& column : statement.columns) {
        column_types_[Pair(table, column.name)] = column.type;
        for (const sql::ConstraintInfo& c : column.constraints) {
          note_constraint(c);
          for (const std::string& col : c.check.not_null_columns) {
            not_null_checks_.insert(Pair(table, col));
          }
        }
      }
      for (const sql::ConstraintInfo& c : statement.constraints) {
        note_constraint(c);
        for (const std::string& col : c.check.not_null_columns) {
          not_null_checks_.insert(Pair(table, col));
        }
      }
      break;
    case StatementKind::kCreateIndex:
      if (!statement.index_name.empty()) {
        created_indexes_[Key({statement.relation.schema, statement.index_name})] =
            statement.relation;
      }
      break;
    case StatementKind::kAlterTable:
      for (const sql::AlterAction& action : statement.actions) {
        switch (action.kind) {
          case AlterKind::kAddColumn:
            for (const sql::ConstraintInfo& c : action.column_def.constraints) note_constraint(c);
            [[fallthrough]];
          case AlterKind::kAlterColumnType:
            column_types_[Pair(table, action.column)] = action.column_def.type;
            break;
          case AlterKind::kAddConstraint: {
            const sql::ConstraintInfo& c = action.constraint;
            note_constraint(c);
            if (c.not_valid && in_transaction_) not_valid_in_tx_.insert(Pair(table, c.name));
            for (const std::string& col : c.check.not_null_columns) {
              if (c.not_valid) {
                pending_check_column_[Pair(table, c.name)] = col;
              } else {
                not_null_checks_.insert(Pair(table, col));
              }
            }
            break;
          }
          case AlterKind::kValidateConstraint: {
            if (pending_checks_.count(Pair(table, action.name)) != 0) {
              validated_checks_.insert(table);
            }
            auto found = pending_check_column_.find(Pair(table, action.name));
            if (found != pending_check_column_.end()) {
              not_null_checks_.insert(Pair(table, found->second));
            }
            break;
          }
          default:
            break;
        }
      }
      break;
    case StatementKind::kRename:
      if (statement.object == sql::ObjectKind::kTable && created_.count(table) != 0) {
        created_.insert(Key({statement.relation.schema, statement.new_name}));
      }
      break;
    case StatementKind::kDrop:
      if (statement.object == sql::ObjectKind::kTable) {
        for (const sql::QualifiedName& name : statement.relations) created_.erase(Key(name));
      } else if (statement.object == sql::ObjectKind::kIndex) {
        for (const sql::QualifiedName& name : statement.relations) {
          created_indexes_.erase(Key(name));
        }
      }
      break;
    case StatementKind::kAlterEnum:
      if (in_transaction_ && !statement.enum_value.empty()) {
        enum_values_in_tx_.insert(statement.enum_value);
      }
      break;
    default:
      break;
  }
}

bool TakesAccessExclusive(const sql::ParsedStatement& statement) {
  switch (statement.kind) {
    case StatementKind::kAlterTable:
      return std::any_of(statement.actions.begin(), statement.actions.end(),
                         [](const sql::AlterAction& action) {
                           switch (action.kind) {
                             case AlterKind::kValidateConstraint:
                             case AlterKind::kAttachPartition:
                               return false;
                             case AlterKind::kDetachPartition:
                               return !action.concurrent;
                             case AlterKind::kAddConstraint:
                               return action.constraint.kind != sql::ConstraintKind::kForeignKey;
                             default:
                               return true;
                           }
                         });
    case StatementKind::kDrop:
      return (statement.object == sql::ObjectKind::kTable ||
              statement.object == sql::ObjectKind::kIndex ||
              statement.object == sql::ObjectKind::kMaterializedView) &&
             !statement.concurrent;
    case StatementKind::kTruncate:
    case StatementKind::kCluster:
    case StatementKind::kRename:
      return true;
    case StatementKind::kLockTable:
      return statement.lock_mode == "ACCESS EXCLUSIVE";
    case StatementKind::kVacuum:
      return statement.vacuum_full;
    case StatementKind::kRefreshMatView:
      return !statement.concurrent;
    default:
      return false;
  }
}

sql::QualifiedName StrongLockTarget(const sql::ParsedStatement& statement) {
  switch (statement.kind) {
    case StatementKind::kCreateIndex:
      return statement.concurrent ? sql::QualifiedName{} : statement.relation;
    case StatementKind::kAlterTable: {
      const bool weak_only = std::all_of(
          statement.actions.begin(), statement.actions.end(), [](const sql::AlterAction& action) {
            return action.kind == AlterKind::kValidateConstraint ||
                   (action.kind == AlterKind::kDetachPartition && action.concurrent);
          });
      return weak_only ? sql::QualifiedName{} : statement.relation;
    }
    case StatementKind::kDrop:
      if (statement.concurrent) return {};
      if (statement.object == sql::ObjectKind::kTable ||
          statement.object == sql::ObjectKind::kIndex ||
          statement.object == sql::ObjectKind::kView ||
          statement.object == sql::ObjectKind::kMaterializedView) {
        return statement.relation;
      }
      return {};
    case StatementKind::kLockTable: {
      static const std::vector<std::string> kWeak = {"ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
                                                     "SHARE UPDATE EXCLUSIVE"};
      const bool weak = std::find(kWeak.begin(), kWeak.end(), statement.lock_mode) != kWeak.end();
      return weak ? sql::QualifiedName{} : statement.relation;
    }
    case StatementKind::kVacuum:
      return statement.vacuum_full ? statement.relation : sql::QualifiedName{};
    case StatementKind::kReindex:
      return statement.concurrent ? sql::QualifiedName{} : statement.relation;
    case StatementKind::kRename:
      return statement.object == sql::ObjectKind::kSchema ? sql::QualifiedName{}
                                                          : statement.relation;
    case StatementKind::kTruncate:
    case StatementKind::kCluster:
    case StatementKind::kRefreshMatView:
    case StatementKind::kCreateTrigger:
      return statement.relation;
    default:
      return {};
  }
}

}  // namespace strata::lint
