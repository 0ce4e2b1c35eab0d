// Hazard 17: ADD CONSTRAINT ... EXCLUDE: no online form exists.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddExclusionConstraint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-exclusion-constraint", LintSeverity::kError,
        "ADD CONSTRAINT ... EXCLUDE on an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while its index is built and "
        "every row checked; an exclusion constraint cannot be NOT VALID nor use an existing "
        "index",
        "No online path: build a new table with the constraint and copy the data over (then "
        "swap), or add it in a maintenance window"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAddConstraint ||
          action.constraint.kind != ConstraintKind::kExclusion) {
        continue;
      }
      out.Report(action.offset,
                 fmt::format("{} builds its index and checks every row while holding ACCESS "
                             "EXCLUSIVE on {}",
                             AddConstraintPhrase(statement.relation, action.constraint, "EXCLUDE"),
                             statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddExclusionConstraint() {
  return std::make_unique<AddExclusionConstraint>();
}

}  // namespace strata::lint
