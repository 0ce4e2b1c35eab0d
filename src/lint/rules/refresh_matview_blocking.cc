// Hazard 21: REFRESH MATERIALIZED VIEW without CONCURRENTLY locks readers out.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class RefreshMatviewBlocking final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "refresh-matview-blocking", LintSeverity::kWarning,
        "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
        "ACCESS EXCLUSIVE on the materialized view: every query reading it waits for the whole "
        "refresh",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view), outside the "
        "migration's transaction"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kRefreshMatView || statement.concurrent) return;
    // WITH NO DATA empties the view at once; a view created earlier in this
    // migration has no readers yet, so its first populate blocks nobody.
    if (statement.with_no_data || context.state.IsNewOrSmall(statement.relation)) return;
    out.Report(statement.offset,
               fmt::format("refreshing {} without CONCURRENTLY blocks its readers until it ends",
                           statement.relation.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRefreshMatviewBlocking() {
  return std::make_unique<RefreshMatviewBlocking>();
}

}  // namespace strata::lint
