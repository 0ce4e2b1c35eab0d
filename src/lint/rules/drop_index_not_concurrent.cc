// Hazard 2: DROP INDEX without CONCURRENTLY.
#include <vector>

#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DropIndexNotConcurrent final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-index-not-concurrent", LintSeverity::kWarning, "DROP INDEX without CONCURRENTLY",
        "ACCESS EXCLUSIVE on the index's table: held only briefly, but it waits behind every "
        "long-running query on the table, and every query that arrives meanwhile waits behind "
        "it",
        "DROP INDEX CONCURRENTLY IF EXISTS, one index per statement, in a no-transaction "
        "migration"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kDrop || statement.object != ObjectKind::kIndex ||
        statement.concurrent) {
      return;
    }
    // An index created in this migration (or run) on a table that is new
    // itself: nobody reads that table yet. Any other index may be live.
    std::vector<std::string> named;
    for (const sql::QualifiedName& index : statement.relations) {
      const std::optional<sql::QualifiedName> table = context.state.IndexTable(index);
      if (table && context.state.IsNew(*table)) continue;
      named.push_back(table ? fmt::format("{} (on {})", index.Display(), table->Display())
                            : index.Display());
    }
    if (named.empty()) return;
    out.Report(
        statement.offset,
        fmt::format("DROP INDEX {} without CONCURRENTLY takes ACCESS EXCLUSIVE on {}",
                    base::Join(named, ", "), named.size() == 1 ? "its table" : "their tables"));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropIndexNotConcurrent() {
  return std::make_unique<DropIndexNotConcurrent>();
}

}  // namespace strata::lint
