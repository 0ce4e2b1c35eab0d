// Statements hidden in DO blocks and procedure calls cannot be checked.
#include "lint/rules/rules.h"

namespace strata::lint {

namespace {

class OpaqueBody final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo kInfo{
        "opaque-body", LintSeverity::kInfo, "A DO block or CALL whose statements lint cannot see",
        "Whatever the body does (index builds, rewrites, locks) runs unchecked",
        "Write the DDL as plain statements where possible, or review the body by hand"};
    return kInfo;
  }

  void CheckStatement(const StatementContext& context, Reporter& out) const override {
    if (!context.statement.opaque_body) return;
    out.Report(context.statement.offset,
               fmt::format("{}: the statements inside were not analysed",
                           context.statement.kind == StatementKind::kDo ? "DO block" : "CALL"));
  }
};

}  // namespace

std::unique_ptr<Rule> MakeOpaqueBody() { return std::make_unique<OpaqueBody>(); }

}  // namespace strata::lint
