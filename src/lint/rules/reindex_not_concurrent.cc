// Hazard 3: REINDEX without CONCURRENTLY.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class ReindexNotConcurrent final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "reindex-not-concurrent", LintSeverity::kError, "REINDEX without CONCURRENTLY",
        "SHARE lock on the table for the whole rebuild (INSERT, UPDATE and DELETE wait) and "
        "ACCESS EXCLUSIVE on each index being rebuilt (queries that would use it wait)",
        "REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a no-transaction migration; if it fails, "
        "drop the leftover INVALID `_ccnew` index and retry"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kReindex || statement.concurrent) return;
    const LintState& state = context.state;
    const std::string name = statement.relation.Display();
    switch (statement.object) {
      case ObjectKind::kIndex: {
        // Only an index this migration (or run) created has a known table.
        const std::optional<sql::QualifiedName> table = state.IndexTable(statement.relation);
        if (table && state.IsNewOrSmall(*table)) return;
        out.Report(statement.offset,
                   fmt::format("REINDEX INDEX {} rebuilds it without CONCURRENTLY: writes to {} "
                               "and queries using the index wait until it is done",
                               name, table ? table->Display() : "its table"));
        return;
      }
      case ObjectKind::kTable:
        if (state.IsNewOrSmall(statement.relation)) return;
        out.Report(statement.offset,
                   fmt::format("REINDEX TABLE {} rebuilds every index of {} without "
                               "CONCURRENTLY: writes wait until it is done",
                               name, name));
        return;
      case ObjectKind::kSchema:
      case ObjectKind::kDatabase:
        out.Report(
            statement.offset,
            fmt::format("REINDEX {} {} rebuilds every index in it without CONCURRENTLY, "
                        "blocking writes to each table in turn",
                        statement.object == ObjectKind::kSchema ? "SCHEMA" : "DATABASE", name));
        return;
      default:
        out.Report(statement.offset,
                   "REINDEX SYSTEM rebuilds the system catalogs' indexes under strong locks",
                   "REINDEX SYSTEM has no concurrent form: run it by hand in a maintenance "
                   "window, not in a migration");
        return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeReindexNotConcurrent() {
  return std::make_unique<ReindexNotConcurrent>();
}

}  // namespace strata::lint
