// Hazard 15: ADD UNIQUE (constraint or column) building its index in place.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddUniqueConstraint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-unique-constraint", LintSeverity::kError,
        "ADD CONSTRAINT ... UNIQUE / ADD COLUMN ... UNIQUE on an existing table",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while the unique index is built; "
        "fails if duplicates exist",
        "CREATE UNIQUE INDEX CONCURRENTLY in a no-transaction migration, then ADD CONSTRAINT "
        "... UNIQUE USING INDEX (instant); if the build fails on duplicates, drop the INVALID "
        "index it leaves"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    const sql::QualifiedName& table = statement.relation;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind == AlterKind::kAddConstraint &&
          action.constraint.kind == ConstraintKind::kUnique &&
          action.constraint.using_index.empty()) {
        out.Report(
            action.offset,
            fmt::format("{} builds its index while holding ACCESS EXCLUSIVE on {}",
                        AddConstraintPhrase(table, action.constraint, "UNIQUE"), table.Display()));
      } else if (action.kind == AlterKind::kAddColumn) {
        for (const sql::ConstraintInfo& constraint : action.column_def.constraints) {
          if (constraint.kind != ConstraintKind::kUnique) continue;
          out.Report(action.offset,
                     fmt::format("{} UNIQUE builds its index while holding ACCESS EXCLUSIVE on {}",
                                 AddColumnPhrase(table, action.column_def), table.Display()),
                     "Add the column without UNIQUE, CREATE UNIQUE INDEX CONCURRENTLY in a "
                     "no-transaction migration, then ADD CONSTRAINT ... UNIQUE USING INDEX");
        }
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddUniqueConstraint() { return std::make_unique<AddUniqueConstraint>(); }

}  // namespace strata::lint
