// Hazard 13: ADD COLUMN ... GENERATED ALWAYS AS (...) STORED.
#include "lint/rules/phrases.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddColumnGeneratedStored final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-column-generated-stored", LintSeverity::kError,
        "ADD COLUMN ... GENERATED ALWAYS AS (...) STORED on an existing table",
        "The value is computed and stored for every existing row: ACCESS EXCLUSIVE on the table "
        "(reads and writes wait) while the whole table and its indexes are rewritten",
        "Add a plain nullable column, fill new rows with a trigger, backfill existing rows in "
        "batches (or compute the value in a view or at query time)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kAddColumn || !action.column_def.generated_stored) continue;
      out.Report(action.offset,
                 fmt::format("{} GENERATED ALWAYS AS (...) STORED computes a value for every "
                             "existing row: every row of {} is rewritten under ACCESS EXCLUSIVE",
                             AddColumnPhrase(statement.relation, action.column_def),
                             statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddColumnGeneratedStored() {
  return std::make_unique<AddColumnGeneratedStored>();
}

}  // namespace strata::lint
