// Hazard 49: a BEGIN with no COMMIT by the end of a script that runs in
// autocommit (tx=none): the session ends and everything is rolled back while
// the runner reports success.

#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class UncommittedTransaction final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "uncommitted-transaction", LintSeverity::kError, "BEGIN without a matching COMMIT",
        "When the session ends the open transaction is rolled back: every change after BEGIN "
        "is silently lost while the migration is recorded as applied",
        "End the transaction with COMMIT"};
    return kInfo;
  }

  void CheckMigration(const MigrationContext& context, Reporter& out) const override {
    if (context.mode != TxMode::kNone || !context.state.in_transaction()) return;
    // The BEGIN that opened the transaction still open at the end.
    // (A plain offset and flag: g++ 12 -O3 misreads an optional here.)
    size_t open_at = 0;
    bool open = false;
    for (const sql::ParsedStatement& statement : context.statements) {
      if (statement.kind != StatementKind::kTransaction) continue;
      if (statement.transaction == sql::TransactionKind::kBegin) {
        if (!open) open_at = statement.offset;
        open = true;
      } else if (statement.transaction == sql::TransactionKind::kCommit ||
                 statement.transaction == sql::TransactionKind::kRollback ||
                 statement.transaction == sql::TransactionKind::kPrepare) {
        open = false;
      }
    }
    if (!open) return;
    out.Report(open_at,
               "this transaction is never committed: it is rolled back when the "
               "session ends");
  }
};

}  // namespace

std::unique_ptr<Rule> MakeUncommittedTransaction() {
  return std::make_unique<UncommittedTransaction>();
}

}  // namespace strata::lint
