// Hazard 40: using an enum label in the transaction that added it.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class EnumValueSameTx final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "enum-value-same-tx", LintSeverity::kError,
        "A label added by ALTER TYPE ... ADD VALUE used before the transaction commits",
        "PostgreSQL refuses it (\"unsafe use of new value\"): the migration fails and rolls "
        "back",
        "Add the value in its own migration (or commit right after ADD VALUE) and use it in a "
        "later one"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    const std::set<std::string>& added = context.state.enum_values_added_in_transaction();
    // ADD VALUE 'b' AFTER 'a' names labels without using them as values.
    if (added.empty() || statement.kind == StatementKind::kAlterEnum) return;
    for (const std::string& literal : statement.string_literals) {
      if (added.count(literal) == 0) continue;
      out.Report(statement.offset,
                 fmt::format("'{}' was added by ALTER TYPE ... ADD VALUE in this transaction and "
                             "cannot be used before it commits",
                             literal));
      return;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> MakeEnumValueSameTx() { return std::make_unique<EnumValueSameTx>(); }

}  // namespace strata::lint
