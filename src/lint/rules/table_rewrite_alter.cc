// Hazard 22: ALTER TABLE forms that copy the whole table under ACCESS
// EXCLUSIVE: SET TABLESPACE, SET LOGGED / UNLOGGED, SET ACCESS METHOD.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

const char* RewriteName(AlterKind kind) {
  switch (kind) {
    case AlterKind::kSetTablespace:
      return "SET TABLESPACE";
    case AlterKind::kSetLogged:
      return "SET LOGGED";
    case AlterKind::kSetUnlogged:
      return "SET UNLOGGED";
    case AlterKind::kSetAccessMethod:
      return "SET ACCESS METHOD";
    default:
      return nullptr;
  }
}

class TableRewriteAlter final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "table-rewrite-alter", LintSeverity::kError,
        "ALTER TABLE ... SET TABLESPACE / SET LOGGED / SET UNLOGGED / SET ACCESS METHOD",
        "ACCESS EXCLUSIVE for a full copy of the table (and its indexes): reads and writes wait "
        "until it finishes",
        "Create the new table as wanted, copy in batches, then swap names; move tablespaces "
        "online with pg_repack"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      const char* what = RewriteName(action.kind);
      if (what == nullptr) continue;
      out.Report(action.offset, fmt::format("{} rewrites {} under ACCESS EXCLUSIVE", what,
                                            statement.relation.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTableRewriteAlter() { return std::make_unique<TableRewriteAlter>(); }

}  // namespace strata::lint
