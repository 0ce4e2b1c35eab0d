// A lint rule: a stable id, a default severity, the effect it guards against,
// and the safe alternative. Rules see strata's statement model (sql/), never
// libpg_query's tree, and the LintState as it was before the statement.
// One rule per file in src/lint/rules/, listed in a registry file there.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/lint_state.h"
#include "sql/pg_statement.h"
#include "strata/lint.h"

namespace strata::lint {

struct RuleInfo {
  std::string_view id;       // stable, kebab-case; used in ignores and config
  LintSeverity severity;     // default severity
  std::string_view summary;  // what it catches (one line, for the README)
  std::string_view effect;   // the lock taken or what breaks
  std::string_view fix;      // the safe alternative
  bool enabled_by_default = true;
};

// Collects a rule's findings; the Linter adds file, line, severity and ids.
class Reporter {
 public:
  struct Item {
    size_t offset;  // byte offset in the script
    std::string message;
    std::string fix;  // empty: the rule's RuleInfo::fix
  };
  // `offset` is a byte offset in the script being linted (a statement's
  // `offset`, or an action's / column's / constraint's when it has one).
  void Report(size_t offset, std::string message, std::string fix = {}) {
    items_.push_back({offset, std::move(message), std::move(fix)});
  }
  std::vector<Item>& items() { return items_; }

 private:
  std::vector<Item> items_;
};

struct StatementContext {
  const sql::ParsedStatement& statement;
  const LintState& state;  // as it was just before this statement
  // The whole script, all its statements, and this one's index: for rules
  // that look around (e.g. a compat view right after a rename).
  std::string_view script;
  const std::vector<sql::ParsedStatement>& statements;
  size_t index;
};

struct MigrationContext {
  std::string_view script;
  const std::vector<sql::ParsedStatement>& statements;
  const LintState& state;  // after the last statement
  TxMode mode;
  bool is_migration;  // false for a plain .sql script
  bool has_down;
  bool transactional;  // the migration's own setting (native: no-transaction)
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void CheckStatement(const StatementContext& /*context*/, Reporter& /*out*/) const {}
  // Once per migration, after every statement.
  virtual void CheckMigration(const MigrationContext& /*context*/, Reporter& /*out*/) const {}
};

// Every rule strata has, in a stable order (src/lint/rules/registry_*.cc).
std::vector<std::unique_ptr<Rule>> AllRules();

}  // namespace strata::lint
