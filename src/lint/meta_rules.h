// Findings the Linter itself produces rather than a Rule: a script that does
// not parse, an ignore comment that silences nothing, a graph with several
// heads. They have ids and severities like rules, so they can be configured.
#pragma once

#include <vector>

#include "lint/rule.h"

namespace strata::lint {

const RuleInfo& SyntaxErrorInfo();
const RuleInfo& UnusedIgnoreInfo();
const RuleInfo& MultipleHeadsInfo();
std::vector<const RuleInfo*> MetaRuleInfos();

}  // namespace strata::lint
