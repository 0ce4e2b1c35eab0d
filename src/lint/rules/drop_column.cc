// Hazard 30: ALTER TABLE ... DROP COLUMN on an existing table.
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DropColumn final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-column", LintSeverity::kError, "ALTER TABLE ... DROP COLUMN on an existing table",
        "The column's data is lost; running application versions that still select or insert "
        "it (ORM column caches) fail",
        "Make the code ignore the column and release that; drop it in a later migration"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNew(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kDropColumn) continue;
      if (ColumnAddedEarlier(context, statement.relation, action.column)) continue;
      out.Report(action.offset, fmt::format("dropping column {} loses its data and breaks code "
                                            "still using it",
                                            ColumnDisplay(statement.relation, action.column)));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropColumn() { return std::make_unique<DropColumn>(); }

}  // namespace strata::lint
