// Hazard 20: VACUUM FULL and CLUSTER rewrite the whole table under ACCESS
// EXCLUSIVE.
#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class VacuumFullCluster final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "vacuum-full-cluster", LintSeverity::kError, "VACUUM FULL or CLUSTER in a migration",
        "ACCESS EXCLUSIVE on the table for a full rewrite: every read and write waits until it "
        "finishes",
        "Reclaim space online with pg_repack (or REPACK CONCURRENTLY on PostgreSQL 19+), run "
        "outside the migration"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    const char* what = nullptr;
    if (statement.kind == StatementKind::kVacuum && statement.vacuum_full) {
      what = "VACUUM FULL";
    } else if (statement.kind == StatementKind::kCluster) {
      what = "CLUSTER";
    } else {
      return;
    }
    // Without a table list both commands process every table of the database.
    if (statement.relations.empty() && statement.relation.empty()) {
      out.Report(statement.offset,
                 fmt::format("{} without a table rewrites every table of the database", what));
      return;
    }
    std::vector<std::string> tables;
    const std::vector<sql::QualifiedName> targets =
        statement.relations.empty() ? std::vector<sql::QualifiedName>{statement.relation}
                                    : statement.relations;
    for (const sql::QualifiedName& table : targets) {
      if (!context.state.IsNewOrSmall(table)) tables.push_back(table.Display());
    }
    if (tables.empty()) return;
    out.Report(statement.offset, fmt::format("{} rewrites {} under ACCESS EXCLUSIVE", what,
                                             base::Join(tables, ", ")));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeVacuumFullCluster() { return std::make_unique<VacuumFullCluster>(); }

}  // namespace strata::lint
