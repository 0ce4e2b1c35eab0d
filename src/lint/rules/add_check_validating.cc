// Hazard 6: a CHECK constraint added without NOT VALID, validated at once.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddCheckValidating final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-check-validating", LintSeverity::kError,
        "ADD CHECK (or ADD COLUMN ... CHECK) without NOT VALID on an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while every row is checked",
        "ADD CONSTRAINT ... CHECK (...) NOT VALID (instant), then VALIDATE CONSTRAINT in a later "
        "transaction or migration: it scans under SHARE UPDATE EXCLUSIVE, which blocks neither "
        "reads nor writes"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    const sql::QualifiedName& table = statement.relation;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint &&
          action.constraint.kind == ConstraintKind::kCheck && !action.constraint.not_valid) {
        out.Report(
            action.offset,
            fmt::format("{} checks every row while holding ACCESS EXCLUSIVE on {}",
                        AddConstraintPhrase(table, action.constraint, "CHECK"), table.Display()));
      } else if (action.kind == AlterKind::kAddColumn) {
        // PostgreSQL turns a column CHECK into ADD CONSTRAINT, validated: a
        // full scan even though the new column is all defaults.
        for (const sql::ConstraintInfo& constraint : action.column_def.constraints) {
          if (constraint.kind != ConstraintKind::kCheck) continue;
          out.Report(action.offset,
                     fmt::format("{} CHECK (...) checks every row while holding ACCESS EXCLUSIVE "
                                 "on {}",
                                 AddColumnPhrase(table, action.column_def), table.Display()),
                     "Add the column without the CHECK, then ADD CONSTRAINT ... CHECK (...) NOT "
                     "VALID, and VALIDATE CONSTRAINT in a later transaction or migration");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddCheckValidating() { return std::make_unique<AddCheckValidating>(); }

}  // namespace strata::lint
