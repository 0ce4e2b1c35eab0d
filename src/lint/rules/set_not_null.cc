// Hazard 8: ALTER COLUMN ... SET NOT NULL on an existing table.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class SetNotNull final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "set-not-null", LintSeverity::kError,
        "ALTER COLUMN ... SET NOT NULL on an existing table without a validated IS NOT NULL check",
        "ACCESS EXCLUSIVE on the table (reads and writes wait) while every row is scanned; fails "
        "if any row is NULL",
        "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT c in a later "
        "transaction, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    const LintState& state = context.state;
    if (state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kSetNotNull) continue;
      // A validated CHECK (col IS NOT NULL) proves it: no scan.
      if (state.HasValidatedNotNullCheck(statement.relation, action.column)) continue;
      out.Report(action.offset,
                 fmt::format("{} SET NOT NULL scans every row while holding ACCESS EXCLUSIVE on "
                             "{}",
                             AlterColumnPhrase(statement.relation, action.column),
                             statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeSetNotNull() { return std::make_unique<SetNotNull>(); }

}  // namespace strata::lint
