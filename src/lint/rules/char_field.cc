// Hazard 45: char(n) / character columns (bpchar).
#include "lint/rules/declared_columns.h"
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class CharField final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "char-field", LintSeverity::kWarning, "char(n) / character columns",
        "Values are blank-padded to n (trailing spaces vanish on comparison, reappear in "
        "output); no speed benefit, more storage",
        "text (or varchar), with a CHECK on the length if one is needed"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    for (const DeclaredColumn& declared : DeclaredColumns(context.statement)) {
      const sql::TypeInfo& type = declared.column.type;
      if (!IsBuiltin(type, "bpchar")) continue;
      out.Report(declared.offset,
                 fmt::format("{} is char{}: use text",
                             ColumnDisplay(context.statement.relation, declared.column.name),
                             type.modifiers.empty() ? "" : fmt::format("({})", type.modifiers[0])));
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeCharField() { return std::make_unique<CharField>(); }

}  // namespace strata::lint
