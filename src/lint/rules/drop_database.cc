// Hazard 32: DROP DATABASE in a migration.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DropDatabase final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{"drop-database", LintSeverity::kError,
                                "DROP DATABASE in a migration",
                                "Everything in the database is lost",
                                "Drop databases by hand, deliberately, not from a "
                                "migration that runs wherever it is deployed"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kDropDatabase) return;
    out.Report(statement.offset, fmt::format("DROP DATABASE {} deletes the whole database",
                                             statement.relation.Display()));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropDatabase() { return std::make_unique<DropDatabase>(); }

}  // namespace strata::lint
