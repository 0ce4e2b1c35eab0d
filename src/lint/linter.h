// Runs every enabled rule over migrations or plain SQL scripts, in order,
// keeping the LintState between statements, and turns rule reports into
// LintFindings with file, line and column. Handles the silencing comments:
//   -- strata:ignore rule-id[, rule-id] -- reason   (before one statement)
//   -- strata:ignore-file rule-id[, rule-id]        (anywhere, whole file)
// An ignore that silences nothing is reported as `unused-ignore`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lint/lint_state.h"
#include "lint/rule.h"
#include "strata/lint.h"

namespace strata::lint {

// One migration's up part, or one plain .sql script.
struct LintInput {
  std::string path;
  std::string migration_id;  // empty for a plain script
  std::string sql;           // the up part, or the whole script
  int first_line = 1;        // line of `path` where `sql` begins
  std::string header;        // text of `path` before `sql` (directives), may be empty
  TxMode mode = TxMode::kWrapped;
  bool has_down = true;
  bool transactional = true;
};

class Linter {
 public:
  explicit Linter(LintOptions options);

  // Lints one input. With live tables in the options, tables created by
  // earlier inputs count as new (one `up` run); otherwise each input starts
  // with no created tables, but column types and checks carry over.
  std::vector<LintFinding> Lint(const LintInput& input);
  // The same, for SQL parsed already: `parsed` is ParsePostgresScript(input.sql)
  // (callers parse many files in parallel; rules must still run in order).
  std::vector<LintFinding> Lint(const LintInput& input,
                                const Result<std::vector<sql::ParsedStatement>>& parsed);

  // Graph-level policy: more than one head.
  std::vector<LintFinding> LintHeads(const std::vector<std::string>& heads,
                                     const std::string& dir) const;

  // Rule metadata, in registry order (for `strata lint --rules` and docs).
  std::vector<RuleInfo> Rules() const;
  // The severity a rule's findings get under the options.
  LintSeverity SeverityOf(const RuleInfo& info) const;
  bool Enabled(const RuleInfo& info) const;

 private:
  LintOptions options_;
  std::vector<std::unique_ptr<Rule>> rules_;
  LintState state_;
};

// Exit-code helper: any finding at error level.
bool HasErrors(const std::vector<LintFinding>& findings);

}  // namespace strata::lint
