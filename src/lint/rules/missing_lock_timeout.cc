// Hazard 24: a strong lock (SHARE or stronger) requested on an existing table
// with no lock_timeout in effect.
//
// The targets are lint::StrongLockTarget's, made precise where it names
// something that is not a table (an index is resolved to its table when this
// migration created it, and otherwise counts as existing), plus the tables a
// new foreign key references (SHARE ROW EXCLUSIVE on them). One finding per
// statement, naming every existing table it waits on.
#include <algorithm>
#include <vector>

#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

struct Target {
  std::string name;  // "orders", "every table in schema app"
  std::string lock;
};

std::string MainLock(const sql::ParsedStatement& statement) {
  if (statement.kind == StatementKind::kLockTable) return statement.lock_mode;
  if (TakesAccessExclusive(statement)) return "ACCESS EXCLUSIVE";
  switch (statement.kind) {
    case StatementKind::kCreateIndex:
    case StatementKind::kReindex:
      return "SHARE";
    case StatementKind::kRefreshMatView:  // CONCURRENTLY
      return "EXCLUSIVE";
    case StatementKind::kCreateTrigger:
    case StatementKind::kAlterTable:  // foreign keys only
      return "SHARE ROW EXCLUSIVE";
    default:
      return "a SHARE or stronger lock";
  }
}

std::string StatementName(const sql::ParsedStatement& statement) {
  if (statement.kind == StatementKind::kDrop) {
    switch (statement.object) {
      case ObjectKind::kIndex:
        return "DROP INDEX";
      case ObjectKind::kTable:
        return "DROP TABLE";
      case ObjectKind::kView:
        return "DROP VIEW";
      case ObjectKind::kMaterializedView:
        return "DROP MATERIALIZED VIEW";
      default:
        break;
    }
  }
  if (statement.kind == StatementKind::kRename) return "RENAME";
  return std::string(sql::StatementKindName(statement.kind));
}

// Renames that lock a table-like relation (not a type, function, schema...).
bool RenamesRelation(ObjectKind object) {
  switch (object) {
    case ObjectKind::kTable:
    case ObjectKind::kColumn:
    case ObjectKind::kConstraint:
    case ObjectKind::kIndex:
    case ObjectKind::kView:
    case ObjectKind::kMaterializedView:
    case ObjectKind::kSequence:
    case ObjectKind::kTrigger:
      return true;
    default:
      return false;
  }
}

// The existing relations the statement takes a strong lock on.
std::vector<Target> ExistingTargets(const sql::ParsedStatement& statement, const LintState& state) {
  std::vector<Target> targets;
  auto add_named = [&](const std::string& name, const std::string& lock) {
    auto same = [&](const Target& t) { return t.name == name; };
    if (std::none_of(targets.begin(), targets.end(), same)) targets.push_back({name, lock});
  };
  auto add = [&](const sql::QualifiedName& table, const std::string& lock) {
    if (!table.empty()) add_named(table.Display(), lock);
  };
  // Tables a new foreign key references: SHARE ROW EXCLUSIVE on each.
  auto add_references = [&](const std::vector<sql::ConstraintInfo>& constraints) {
    for (const sql::ConstraintInfo& c : constraints) {
      if (c.kind == ConstraintKind::kForeignKey && !state.IsNew(c.references)) {
        add(c.references, "SHARE ROW EXCLUSIVE");
      }
    }
  };

  const sql::QualifiedName main = StrongLockTarget(statement);
  const bool index =
      (statement.kind == StatementKind::kDrop || statement.kind == StatementKind::kReindex ||
       statement.kind == StatementKind::kRename) &&
      statement.object == ObjectKind::kIndex;
  if (statement.kind == StatementKind::kRename && !RenamesRelation(statement.object)) {
    // ALTER FUNCTION/TYPE/... RENAME: no table lock.
  } else if (index) {
    // Live, an index is never among the known tables: resolve it, or assume
    // it belongs to an existing table.
    const std::optional<sql::QualifiedName> table = state.IndexTable(main);
    if (table && !state.IsNew(*table)) add(*table, MainLock(statement));
    if (!table && !main.empty()) {
      add_named(fmt::format("the table of index {}", main.Display()), MainLock(statement));
    }
  } else if (statement.kind == StatementKind::kReindex && statement.object != ObjectKind::kTable) {
    if (main.empty()) return targets;  // CONCURRENTLY
    // REINDEX SCHEMA / DATABASE / SYSTEM: table after table.
    add_named(statement.object == ObjectKind::kSchema
                  ? fmt::format("every table in schema {}", main.Display())
                  : "every table in the database",
              "SHARE");
  } else if (statement.kind == StatementKind::kDrop && statement.object == ObjectKind::kView) {
    add(main, MainLock(statement));  // views are not among live tables: never "new"
  } else if (statement.kind == StatementKind::kAlterTable && !statement.actions.empty() &&
             std::all_of(
                 statement.actions.begin(), statement.actions.end(),
                 [](const sql::AlterAction& a) { return a.kind == AlterKind::kAttachPartition; })) {
    // ATTACH PARTITION: ACCESS EXCLUSIVE on the partition, not the parent.
    for (const sql::AlterAction& action : statement.actions) {
      if (!state.IsNew(action.partition)) add(action.partition, "ACCESS EXCLUSIVE");
    }
  } else if (!main.empty() && !state.IsNew(main)) {
    add(main, MainLock(statement));
  }

  if (statement.kind == StatementKind::kCreateTable) {
    add_references(statement.constraints);
    for (const sql::ColumnInfo& column : statement.columns) add_references(column.constraints);
  } else if (statement.kind == StatementKind::kAlterTable) {
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint) add_references({action.constraint});
      if (action.kind == AlterKind::kAddColumn) add_references(action.column_def.constraints);
    }
  }
  return targets;
}

class MissingLockTimeout final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "missing-lock-timeout", LintSeverity::kWarning,
        "A lock of SHARE or stronger on an existing table with no lock_timeout in effect",
        "While the statement waits for its lock (behind any long-running query), every later "
        "query on the table queues behind it: an outage even for instant DDL",
        "SET lock_timeout = '2s' (or SET LOCAL inside the transaction) before the statement, "
        "and retry the migration when it times out; or declare assume_lock_timeout when the "
        "role sets one"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const LintState& state = context.state;
    if (state.lock_timeout_in_effect()) return;
    const std::vector<Target> targets = ExistingTargets(context.statement, state);
    if (targets.empty()) return;
    std::vector<std::string> locks;
    for (const Target& target : targets) {
      locks.push_back(fmt::format("{} on {}", target.lock, target.name));
    }
    out.Report(context.statement.offset,
               fmt::format("{} takes {} with no lock_timeout set: while it waits for the lock, "
                           "every later query on {} queues behind it",
                           StatementName(context.statement), base::Join(locks, " and "),
                           targets.size() == 1 ? "that table" : "those tables"));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeMissingLockTimeout() { return std::make_unique<MissingLockTimeout>(); }

}  // namespace strata::lint
