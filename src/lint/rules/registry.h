// Each registry file appends its rules' factories; AllRules() (registry.cc)
// calls them in a fixed order so output and docs are stable.
#pragma once

#include <memory>
#include <vector>

#include "lint/rule.h"

namespace strata::lint {

using RuleList = std::vector<std::unique_ptr<Rule>>;

// Hazards 1-24 of shared/lint-hazards.md: indexes, constraints, columns,
// partitions, rewrites, lock_timeout (registry_locking.cc).
void AddLockingRules(RuleList& rules);
// Hazards 25-49: long transactions, data loss, breaking renames, types,
// transaction structure (registry_compat.cc).
void AddCompatibilityRules(RuleList& rules);
// Policy beyond SQL: rollback coverage, partial no-transaction migrations,
// bodies that cannot be analysed (registry_policy.cc).
void AddPolicyRules(RuleList& rules);

}  // namespace strata::lint
