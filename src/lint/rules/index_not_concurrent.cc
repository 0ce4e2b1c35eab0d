// Hazard 1: CREATE INDEX without CONCURRENTLY on an existing table.
#include <fmt/format.h>

#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class IndexNotConcurrent final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "index-not-concurrent", LintSeverity::kError,
        "CREATE [UNIQUE] INDEX without CONCURRENTLY on an existing table",
        "SHARE lock for the whole build: INSERT, UPDATE and DELETE on the table wait; reads "
        "continue",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS in a no-transaction migration; if it fails, "
        "drop the INVALID index it leaves and retry"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != sql::StatementKind::kCreateIndex || statement.concurrent) return;
    // ON ONLY a partitioned parent creates an invalid shell index instantly.
    if (statement.only) return;
    if (context.state.IsNewOrSmall(statement.relation)) return;
    out.Report(statement.offset,
               fmt::format("index{} on {} is built without CONCURRENTLY",
                           statement.index_name.empty() ? "" : " " + statement.index_name,
                           statement.relation.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeIndexNotConcurrent() { return std::make_unique<IndexNotConcurrent>(); }

}  // namespace strata::lint
