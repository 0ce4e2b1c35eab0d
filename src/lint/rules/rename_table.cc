// Hazard 34: ALTER TABLE ... RENAME TO breaks running code, unless a
// compatibility view with the old name follows.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

// A CREATE VIEW named like the old table in the statements after the rename,
// before the transaction that holds the rename ends: code using the old name
// keeps working (a simple view is updatable).
bool CompatViewFollows(const StatementContext& context, const std::string& old_key) {
  const bool in_transaction = context.state.in_transaction();
  for (size_t i = context.index + 1; i < context.statements.size(); ++i) {
    const sql::ParsedStatement& later = context.statements[i];
    if (later.kind == StatementKind::kCreateView && context.state.Key(later.relation) == old_key) {
      return true;
    }
    if (in_transaction && later.kind == StatementKind::kTransaction &&
        (later.transaction == sql::TransactionKind::kCommit ||
         later.transaction == sql::TransactionKind::kRollback)) {
      return false;
    }
  }
  return false;
}

class RenameTable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "rename-table", LintSeverity::kError, "ALTER TABLE ... RENAME TO on an existing table",
        "Backward-incompatible: application versions still running use the old name and fail",
        "Rename, then in the same transaction CREATE VIEW old_name AS SELECT * FROM new_name "
        "(simple views are updatable); drop the view once no code uses the old name"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kRename || statement.object != ObjectKind::kTable) return;
    if (context.state.IsNew(statement.relation)) return;
    if (CompatViewFollows(context, context.state.Key(statement.relation))) return;
    out.Report(statement.offset,
               fmt::format("renaming {} to {} breaks code that still uses the old name",
                           statement.relation.Display(),
                           sql::QualifiedName{{}, statement.new_name}.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRenameTable() { return std::make_unique<RenameTable>(); }

}  // namespace strata::lint
