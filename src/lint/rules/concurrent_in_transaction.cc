// Hazard 4: a CONCURRENTLY statement inside a transaction block, where
// PostgreSQL refuses it ("cannot run inside a transaction block").
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class ConcurrentInTransaction final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "concurrent-in-transaction", LintSeverity::kError,
        "CREATE/DROP INDEX, REINDEX or DETACH PARTITION CONCURRENTLY inside a transaction",
        "PostgreSQL rejects it with \"cannot run inside a transaction block\": the migration "
        "fails",
        "Put the CONCURRENTLY statement in its own migration marked `-- strata:no-transaction` "
        "(or, in a plain script, outside BEGIN ... COMMIT)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (!context.state.in_transaction()) return;
    // strata's wrapper, unless an explicit BEGIN opened the block in a
    // no-transaction migration or psql-style script.
    const std::string where = context.state.wrapped()
                                  ? "strata runs this migration in a transaction"
                                  : "an explicit BEGIN has opened a transaction block";
    auto report = [&](size_t offset, const std::string& what) {
      out.Report(offset,
                 fmt::format("{} cannot run inside a transaction block, and {}", what, where));
    };
    switch (statement.kind) {
      case StatementKind::kCreateIndex:
        if (statement.concurrent) {
          report(statement.offset,
                 fmt::format("CREATE INDEX CONCURRENTLY{} on {}",
                             statement.index_name.empty() ? "" : " " + statement.index_name,
                             statement.relation.Display()));
        }
        return;
      case StatementKind::kDrop:
        if (statement.concurrent && statement.object == ObjectKind::kIndex) {
          report(statement.offset,
                 fmt::format("DROP INDEX CONCURRENTLY {}", statement.relation.Display()));
        }
        return;
      case StatementKind::kReindex:
        if (statement.concurrent) {
          report(statement.offset,
                 fmt::format("REINDEX CONCURRENTLY {}", statement.relation.Display()));
        }
        return;
      case StatementKind::kAlterTable:
        for (const sql::AlterAction& action : statement.actions) {
          if (action.kind == AlterKind::kDetachPartition && action.concurrent) {
            report(action.offset,
                   fmt::format("ALTER TABLE {} DETACH PARTITION {} CONCURRENTLY",
                               statement.relation.Display(), action.partition.Display()));
          }
        }
        return;
      default:
        return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeConcurrentInTransaction() {
  return std::make_unique<ConcurrentInTransaction>();
}

}  // namespace strata::lint
