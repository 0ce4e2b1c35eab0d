// Policy: a no-transaction migration that can fail halfway.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool ChangesSomething(const sql::ParsedStatement& statement) {
  return statement.kind != StatementKind::kSet && statement.kind != StatementKind::kTransaction &&
         statement.kind != StatementKind::kSelect;
}

class NoTransactionPartial final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "no-transaction-partial", LintSeverity::kWarning,
        "A no-transaction migration with more than one statement outside BEGIN/COMMIT",
        "If a later statement fails, the earlier ones stay applied: the migration is recorded "
        "failed with part of its changes in place",
        "One statement per no-transaction migration, or make every statement idempotent "
        "(IF NOT EXISTS / IF EXISTS) so that re-running it after a fix completes it"};
    return kInfo;
  }

  void CheckMigration(const MigrationContext& context, Reporter& out) const override {
    if (context.mode != TxMode::kNone || !context.is_migration) return;
    // Count the changing statements that run in autocommit (depth 0).
    int depth = 0;
    int autocommitted = 0;
    for (const sql::ParsedStatement& statement : context.statements) {
      if (statement.kind == StatementKind::kTransaction) {
        if (statement.transaction == sql::TransactionKind::kBegin) ++depth;
        if (statement.transaction == sql::TransactionKind::kCommit ||
            statement.transaction == sql::TransactionKind::kRollback) {
          depth = 0;
        }
        continue;
      }
      if (depth > 0 || !ChangesSomething(statement)) continue;
      if (++autocommitted == 2) {
        out.Report(statement.offset,
                   fmt::format("second statement of a no-transaction migration: if it fails, "
                               "the {} before it stays applied and must be repaired by hand or "
                               "re-run idempotently",
                               sql::StatementKindName(context.statements.front().kind)));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeNoTransactionPartial() {
  return std::make_unique<NoTransactionPartial>();
}

}  // namespace strata::lint
