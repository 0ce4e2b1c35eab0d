#include "lint/rules/registry.h"

namespace strata::lint {

std::unique_ptr<Rule> MakeMissingDown();
std::unique_ptr<Rule> MakeNoTransactionPartial();
std::unique_ptr<Rule> MakeOpaqueBody();

void AddPolicyRules(RuleList& rules) {
  rules.push_back(MakeMissingDown());
  rules.push_back(MakeNoTransactionPartial());
  rules.push_back(MakeOpaqueBody());
}

}  // namespace strata::lint
