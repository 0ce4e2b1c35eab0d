// Hazard 38: ALTER TABLE ... DROP CONSTRAINT on an existing table.
//
// Quiet for the last step of the safe SET NOT NULL recipe: dropping a helper
// CHECK (col IS NOT NULL) once the column is NOT NULL. The helper is
// recognised when this script added it (its expression is known), or, when it
// came from an earlier migration, by name: the same table's column was SET NOT
// NULL earlier in this script (or in this statement) and the constraint's
// name mentions that column and "null" (or "nn").
#include <algorithm>

#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

// Columns of `table` set NOT NULL in this script before action `before` of
// the current statement, and the NOT NULL checks added to it by name.
struct NotNullHistory {
  std::vector<std::string> set_not_null;
  std::vector<std::pair<std::string, std::string>> checks;  // constraint name, column
};

void Collect(const sql::ParsedStatement& statement, size_t actions, NotNullHistory& history) {
  for (size_t a = 0; a < actions && a < statement.actions.size(); ++a) {
    const sql::AlterAction& action = statement.actions[a];
    if (action.kind == AlterKind::kSetNotNull) history.set_not_null.push_back(action.column);
    if (action.kind == AlterKind::kAddConstraint &&
        action.constraint.kind == ConstraintKind::kCheck && !action.constraint.name.empty()) {
      for (const std::string& column : action.constraint.check.not_null_columns) {
        history.checks.emplace_back(action.constraint.name, column);
      }
    }
  }
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool IsRedundantNotNullCheck(const NotNullHistory& history, const std::string& constraint) {
  for (const auto& [name, column] : history.checks) {
    if (name == constraint) return Contains(history.set_not_null, column);
  }
  // Named for the column and for what it checks: orders_email_not_null, email_nn.
  const bool says_not_null =
      constraint.find("null") != std::string::npos || constraint.find("nn") != std::string::npos;
  for (const std::string& column : history.set_not_null) {
    if (says_not_null && constraint.find(column) != std::string::npos) return true;
  }
  return false;
}

class DropConstraint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-constraint", LintSeverity::kWarning,
        "ALTER TABLE ... DROP CONSTRAINT on an existing table",
        "The integrity guarantee (foreign key, unique, primary key, check) is gone for every "
        "writer; ACCESS EXCLUSIVE on the table (and the referenced table for a foreign key)",
        "Drop a constraint only after the guarantee is enforced elsewhere (a replacement "
        "constraint, NOT NULL) and no code relies on it"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNew(statement.relation)) return;
    const std::string key = context.state.Key(statement.relation);
    NotNullHistory history;
    for (size_t i = 0; i < context.index; ++i) {
      const sql::ParsedStatement& earlier = context.statements[i];
      if (earlier.kind == StatementKind::kAlterTable &&
          context.state.Key(earlier.relation) == key) {
        Collect(earlier, earlier.actions.size(), history);
      }
    }
    for (size_t a = 0; a < statement.actions.size(); ++a) {
      const sql::AlterAction& action = statement.actions[a];
      if (action.kind != AlterKind::kDropConstraint) continue;
      NotNullHistory here = history;
      Collect(statement, a, here);
      if (IsRedundantNotNullCheck(here, action.name)) continue;
      out.Report(
          action.offset,
          fmt::format("dropping constraint {} on {} removes the guarantee it enforced",
                      sql::QualifiedName{{}, action.name}.Display(), statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropConstraint() { return std::make_unique<DropConstraint>(); }

}  // namespace strata::lint
