// Hazard 39: a column of type json (not jsonb).
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class AddJsonColumn final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "add-json-column", LintSeverity::kWarning, "A column of type json",
        "json has no equality operator: SELECT DISTINCT, UNION, GROUP BY and comparisons on "
        "the column fail; every read re-parses the text",
        "Use jsonb"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    for (const DeclaredColumn& declared : DeclaredColumns(context.statement)) {
      if (!IsBuiltin(declared.column.type, "json")) continue;
      out.Report(declared.offset,
                 fmt::format("{} is {}: use jsonb",
                             ColumnDisplay(context.statement.relation, declared.column.name),
                             declared.column.type.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeAddJsonColumn() { return std::make_unique<AddJsonColumn>(); }

}  // namespace strata::lint
