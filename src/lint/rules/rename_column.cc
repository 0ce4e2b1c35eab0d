// Hazard 33: RENAME COLUMN on an existing table breaks running code.
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class RenameColumn final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "rename-column", LintSeverity::kError, "ALTER TABLE ... RENAME COLUMN on an existing table",
        "Backward-incompatible: application versions still running use the old name and fail",
        "Rename in the ORM mapping only; or add the new column, write both, backfill, switch "
        "reads, then drop the old one"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kRename || statement.object != ObjectKind::kColumn) return;
    if (context.state.IsNew(statement.relation)) return;
    if (ColumnAddedEarlier(context, statement.relation, statement.old_name)) return;
    out.Report(statement.offset,
               fmt::format("renaming {} to {} breaks code that still uses the old name",
                           ColumnDisplay(statement.relation, statement.old_name),
                           sql::QualifiedName{{}, statement.new_name}.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRenameColumn() { return std::make_unique<RenameColumn>(); }

}  // namespace strata::lint
