// Hazard 28: TRUNCATE ... CASCADE also empties every referencing table.
#include <algorithm>

#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class TruncateCascade final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "truncate-cascade", LintSeverity::kError, "TRUNCATE ... CASCADE",
        "Also truncates every table with a foreign key to these, transitively: tables the "
        "migration never names lose all their rows",
        "Name every table to empty explicitly (TRUNCATE a, b, c) so the statement fails instead "
        "of reaching further than intended"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kTruncate || !statement.cascade) return;
    // Tables created in this migration can only be referenced by tables
    // created after them, in this migration too.
    const bool all_new =
        std::all_of(statement.relations.begin(), statement.relations.end(),
                    [&](const sql::QualifiedName& table) { return context.state.IsNew(table); });
    if (all_new) return;
    std::vector<std::string> tables;
    for (const sql::QualifiedName& table : statement.relations) tables.push_back(table.Display());
    out.Report(statement.offset,
               fmt::format("TRUNCATE {} CASCADE also empties every table that references {}",
                           base::Join(tables, ", "), tables.size() == 1 ? "it" : "them"));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeTruncateCascade() { return std::make_unique<TruncateCascade>(); }

}  // namespace strata::lint
