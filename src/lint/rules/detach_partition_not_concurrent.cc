// Hazard 18: DETACH PARTITION without CONCURRENTLY.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DetachPartitionNotConcurrent final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "detach-partition-not-concurrent", LintSeverity::kError,
        "ALTER TABLE ... DETACH PARTITION without CONCURRENTLY",
        "ACCESS EXCLUSIVE on the partitioned table and the partition: every query on the whole "
        "partitioned table waits, and waits behind its long-running readers",
        "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+) in a no-transaction migration; if "
        "it is interrupted, finish it with DETACH PARTITION ... FINALIZE"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterTable) return;
    // A parent created in this migration has no readers to block.
    if (context.state.IsNew(statement.relation)) return;
    for (const sql::AlterAction& action : statement.actions) {
      if (action.kind != AlterKind::kDetachPartition || action.concurrent) continue;
      out.Report(action.offset,
                 fmt::format("ALTER TABLE {} DETACH PARTITION {} without CONCURRENTLY takes "
                             "ACCESS EXCLUSIVE on both tables",
                             statement.relation.Display(), action.partition.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDetachPartitionNotConcurrent() {
  return std::make_unique<DetachPartitionNotConcurrent>();
}

}  // namespace strata::lint
