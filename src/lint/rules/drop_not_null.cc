// Hazard 37: ALTER COLUMN ... DROP NOT NULL on an existing table.
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DropNotNull final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-not-null", LintSeverity::kWarning,
        "ALTER COLUMN ... DROP NOT NULL on an existing table",
        "Clients that assume the column is never NULL (non-nullable fields in typed code, "
        "reports, joins) break when the first NULL arrives",
        "Keep NOT NULL and use an explicit marker value, or add a new nullable column and move "
        "readers to it"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNew(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kDropNotNull) continue;
      if (ColumnAddedEarlier(context, statement.relation, action.column)) continue;
      out.Report(action.offset, fmt::format("{} may now be NULL; readers that assume a value break",
                                            ColumnDisplay(statement.relation, action.column)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropNotNull() { return std::make_unique<DropNotNull>(); }

}  // namespace strata::lint
