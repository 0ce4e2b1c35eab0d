#include "lint/rules/registry.h"

namespace strata::lint {

std::vector<std::unique_ptr<Rule>> AllRules() {
  RuleList rules;
  AddLockingRules(rules);
  AddCompatibilityRules(rules);
  AddPolicyRules(rules);
  return rules;
}

}  // namespace strata::lint
