// Policy: every migration can be rolled back.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class MissingDown final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "missing-down", LintSeverity::kWarning, "A migration without a down part",
        "`strata down` cannot roll this migration back; a bad deploy has no scripted way back",
        "Add a `-- strata:down` part that undoes the up part, and check it with "
        "`strata test rollback`"};
    return kInfo;
  }

  void CheckMigration(const MigrationContext& context, Reporter& out) const override {
    if (!context.is_migration || context.has_down || context.statements.empty()) return;
    out.Report(context.statements.front().offset, "this migration has no down part");
  }
};

}  // namespace

std::unique_ptr<Rule> MakeMissingDown() { return std::make_unique<MissingDown>(); }

}  // namespace strata::lint
