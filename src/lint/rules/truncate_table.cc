// Hazard 27: TRUNCATE of an existing table.
#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class TruncateTable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "truncate-table", LintSeverity::kError, "TRUNCATE of an existing table",
        "ACCESS EXCLUSIVE on the table, and every row is gone for good (no down migration can "
        "bring it back)",
        "Stop writing the table in code first, release that, then drop or empty it in a later "
        "migration (after a backup)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kTruncate) return;
    std::vector<std::string> tables;
    for (const sql::QualifiedName& table : statement.relations) {
      if (!context.state.IsNew(table)) tables.push_back(table.Display());
    }
    if (tables.empty()) return;
    out.Report(statement.offset,
               fmt::format("TRUNCATE deletes every row of {}", base::Join(tables, ", ")));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTruncateTable() { return std::make_unique<TruncateTable>(); }

}  // namespace strata::lint
