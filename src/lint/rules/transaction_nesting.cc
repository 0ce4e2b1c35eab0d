// Hazard 48: BEGIN inside an open transaction (strata's wrapper or an
// explicit one), COMMIT/ROLLBACK with none open, and COMMIT of strata's own
// wrapping transaction.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

bool EndsTransaction(sql::TransactionKind kind) {
  return kind == sql::TransactionKind::kCommit || kind == sql::TransactionKind::kRollback;
}

class TransactionNesting final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "transaction-nesting", LintSeverity::kError,
        "BEGIN inside an open transaction, or COMMIT/ROLLBACK with none open",
        "PostgreSQL only warns: the first COMMIT ends everything, the statements after it run "
        "in autocommit, and a failure no longer rolls back what came before",
        "One BEGIN/COMMIT pair per file in a no-transaction migration, none in a migration "
        "strata wraps in a transaction"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kTransaction) return;
    const LintState& state = context.state;
    if (statement.transaction == sql::TransactionKind::kBegin) {
      if (!state.in_transaction()) return;
      out.Report(statement.offset,
                 state.transaction_depth() == 0 && state.wrapped()
                     ? "BEGIN inside the transaction strata wraps this migration in"
                     : "BEGIN inside a transaction that is already open");
      return;
    }
    if (!EndsTransaction(statement.transaction)) return;
    const char* verb =
        statement.transaction == sql::TransactionKind::kCommit ? "COMMIT" : "ROLLBACK";
    if (!state.in_transaction()) {
      out.Report(statement.offset, fmt::format("{} with no transaction open", verb));
    } else if (state.wrapped() && state.transaction_depth() == 0) {
      out.Report(statement.offset,
                 fmt::format("{} ends the transaction strata wraps this migration in; the "
                             "statements after it run in autocommit",
                             verb));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTransactionNesting() { return std::make_unique<TransactionNesting>(); }

}  // namespace strata::lint
