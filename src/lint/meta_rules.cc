#include "lint/meta_rules.h"

#include <map>

namespace strata::lint {

const RuleInfo& SyntaxErrorInfo() {
  static const RuleInfo kInfo{
      "syntax-error", LintSeverity::kError, "A statement PostgreSQL 15's grammar rejects",
      "The migration fails at this statement; earlier statements of a no-transaction "
      "migration stay applied",
      "Fix the SQL; the message is PostgreSQL's own parser's"};
  return kInfo;
}

const RuleInfo& UnusedIgnoreInfo() {
  static const RuleInfo kInfo{
      "unused-ignore", LintSeverity::kWarning,
      "A `strata:ignore` comment that silences nothing, or names an unknown rule",
      "A stale ignore hides the next real finding of that rule at this place",
      "Remove the comment, or correct the rule id"};
  return kInfo;
}

const RuleInfo& MultipleHeadsInfo() {
  static const RuleInfo kInfo{
      "multiple-heads", LintSeverity::kError, "The migration graph has more than one head",
      "Two branches were merged in code but not in the migration graph; which runs first "
      "depends on the database",
      "Run `strata merge` to join the heads with a merge migration"};
  return kInfo;
}

std::vector<const RuleInfo*> MetaRuleInfos() {
  return {&SyntaxErrorInfo(), &UnusedIgnoreInfo(), &MultipleHeadsInfo()};
}

}  // namespace strata::lint

namespace strata {

const char* LintSeverityName(LintSeverity severity) {
  switch (severity) {
    case LintSeverity::kInfo:
      return "info";
    case LintSeverity::kWarning:
      return "warning";
    case LintSeverity::kError:
      return "error";
  }
  return "error";
}

std::optional<LintSeverity> ParseLintSeverity(const std::string& name) {
  static const std::map<std::string, LintSeverity> kNames = {{"info", LintSeverity::kInfo},
                                                             {"warning", LintSeverity::kWarning},
                                                             {"error", LintSeverity::kError}};
  auto found = kNames.find(name);
  if (found == kNames.end()) return std::nullopt;
  return found->second;
}

}  // namespace strata
