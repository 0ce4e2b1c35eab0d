// Hazard 29: DROP TABLE of a table that existed before this migration.
#include "base/strings.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class DropTable final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "drop-table", LintSeverity::kError, "DROP TABLE of an existing table",
        "All its data is lost; application versions still using it fail; ACCESS EXCLUSIVE on "
        "the table (and on tables whose foreign keys reference it)",
        "Remove every use in code and release that first; drop the table in a later migration, "
        "after checking it is no longer written (and keeping a backup)"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kDrop || statement.object != ObjectKind::kTable) return;
    // A staging table created earlier in this migration holds nothing of value.
    std::vector<std::string> tables;
    for (const sql::QualifiedName& table : statement.relations) {
      if (!context.state.IsNew(table)) tables.push_back(table.Display());
    }
    if (tables.empty()) return;
    out.Report(statement.offset,
               fmt::format("DROP TABLE {} deletes {} and all {} data", base::Join(tables, ", "),
                           tables.size() == 1 ? "the table" : "the tables",
                           tables.size() == 1 ? "its" : "their"));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeDropTable() { return std::make_unique<DropTable>(); }

}  // namespace strata::lint
