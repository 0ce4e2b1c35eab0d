// Hazard 44: varchar(n) columns.
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class PreferText final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "prefer-text", LintSeverity::kInfo, "varchar(n) columns",
        "The length limit is part of the type: lowering it later takes ACCESS EXCLUSIVE and a "
        "full scan or rewrite (raising it is catalog-only)",
        "text with CHECK (char_length(col) <= n), which can later be replaced NOT VALID and "
        "validated online"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    for (const DeclaredColumn& declared : DeclaredColumns(context.statement)) {
      const sql::TypeInfo& type = declared.column.type;
      // Plain varchar (no limit) behaves like text.
      if (!IsBuiltin(type, "varchar") || type.modifiers.empty()) continue;
      out.Report(declared.offset,
                 fmt::format("{} is {}: use text with a CHECK on its length",
                             ColumnDisplay(context.statement.relation, declared.column.name),
                             type.Display()));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakePreferText() { return std::make_unique<PreferText>(); }

}  // namespace strata::lint
