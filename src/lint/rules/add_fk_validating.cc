// Hazard 5: a foreign key added without NOT VALID, validated at once.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

std::string Tables(const sql::QualifiedName& table, const sql::QualifiedName& referenced) {
  if (referenced.empty() || referenced == table) return table.Display();
  return fmt::format("{} and {}", table.Display(), referenced.Display());
}

class AddFkValidating final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-fk-validating", LintSeverity::kError,
        "ADD FOREIGN KEY (or ADD COLUMN ... REFERENCES) without NOT VALID on an existing table",
        "SHARE ROW EXCLUSIVE on both tables (writes wait) while every row of the referencing "
        "table is checked",
        "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID (instant), then VALIDATE CONSTRAINT in a "
        "later transaction or migration: it scans under SHARE UPDATE EXCLUSIVE, which blocks "
        "neither reads nor writes"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    // The scan runs over the referencing table: a new or small one is quick.
    if (context.state.IsNewOrSmall(statement.relation)) return;
    const sql::QualifiedName& table = statement.relation;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint &&
          action.constraint.kind == ConstraintKind::kForeignKey && !action.constraint.not_valid) {
        out.Report(action.offset,
                   fmt::format("{} validates every row while holding SHARE ROW EXCLUSIVE on {}",
                               AddConstraintPhrase(table, action.constraint, "FOREIGN KEY"),
                               Tables(table, action.constraint.references)));
      } else if (action.kind == AlterKind::kAddColumn) {
        // A column constraint cannot be NOT VALID: REFERENCES here always scans.
        for (const sql::ConstraintInfo& constraint : action.column_def.constraints) {
          if (constraint.kind != ConstraintKind::kForeignKey) continue;
          out.Report(
              action.offset,
              fmt::format("{} REFERENCES {} validates every row while holding ACCESS EXCLUSIVE "
                          "on {} (and SHARE ROW EXCLUSIVE on {})",
                          AddColumnPhrase(table, action.column_def),
                          constraint.references.Display(), table.Display(),
                          constraint.references.Display()),
              "Add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT "
              "VALID, and VALIDATE CONSTRAINT in a later transaction or migration");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddFkValidating() { return std::make_unique<AddFkValidating>(); }

}  // namespace strata::lint
