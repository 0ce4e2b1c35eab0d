// Hazard 36: ALTER TYPE ... RENAME VALUE breaks code sending the old label.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class RenameEnumValue final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "rename-enum-value", LintSeverity::kError, "ALTER TYPE ... RENAME VALUE",
        "Backward-incompatible: running application versions that send or compare the old "
        "label get errors or silently stop matching",
        "Add the new value, migrate the data and the code to it, and stop using the old one; "
        "enum values cannot be dropped, so leave it unused"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    const sql::ParsedStatement& statement = context.statement;
    if (statement.kind != StatementKind::kAlterEnum || statement.object != ObjectKind::kEnumValue) {
      return;
    }
    // An enum type created earlier in this script has no users yet.
    const std::string key = context.state.Key(statement.relation);
    for (size_t i = 0; i < context.index; ++i) {
      const sql::ParsedStatement& earlier = context.statements[i];
      if (earlier.kind == StatementKind::kCreateEnum &&
          context.state.Key(earlier.relation) == key) {
        return;
      }
    }
    out.Report(statement.offset,
               fmt::format("renaming value '{}' of {} to '{}' breaks code that still uses the "
                           "old label",
                           statement.old_name, statement.relation.Display(), statement.new_name));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeRenameEnumValue() { return std::make_unique<RenameEnumValue>(); }

}  // namespace strata::lint
