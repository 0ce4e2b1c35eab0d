#include "lint/linter.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/strings.h"
#include "lint/meta_rules.h"

namespace strata::lint {

namespace {

struct Ignore {
  std::vector<std::string> rules;
  size_t offset;  // of the directive, in the script (or header)
  bool in_header = false;
  bool file_wide = false;
  size_t statement = 0;  // index of the statement it precedes
  std::vector<bool> used;
};

// Parses "-- strata:ignore a, b -- reason" lines in [begin, end) of `text`.
void FindIgnores(std::string_view text, size_t begin, size_t end, bool in_header, size_t statement,
                 std::vector<Ignore>& out) {
  size_t pos = begin;
  while (pos < end) {
    size_t line_end = text.find('\n', pos);
    if (line_end == std::string_view::npos || line_end > end) line_end = end;
    std::string_view line = base::Trim(text.substr(pos, line_end - pos));
    static constexpr std::string_view kPrefix = "-- strata:ignore";
    if (base::StartsWith(line, kPrefix)) {
      std::string_view rest = line.substr(kPrefix.size());
      Ignore ignore{{}, pos, in_header, false, statement, {}};
      if (base::StartsWith(rest, "-file")) {
        ignore.file_wide = true;
        rest.remove_prefix(5);
      }
      if (rest.empty() || rest[0] == ' ' || rest[0] == '\t') {
        const size_t reason = rest.find("--");
        if (reason != std::string_view::npos) rest = rest.substr(0, reason);
        std::string ids(rest);
        std::replace(ids.begin(), ids.end(), ',', ' ');
        ignore.rules = base::SplitWords(ids);
        ignore.used.assign(ignore.rules.size(), false);
        out.push_back(std::move(ignore));
      }
    }
    pos = line_end + 1;
  }
}

}  // namespace

Linter::Linter(LintOptions options)
    : options_(std::move(options)), rules_(AllRules()), state_(options_) {}

std::vector<RuleInfo> Linter::Rules() const {
  std::vector<RuleInfo> out;
  for (const auto& rule : rules_) out.push_back(rule->info());
  for (const RuleInfo* info : MetaRuleInfos()) out.push_back(*info);
  return out;
}

LintSeverity Linter::SeverityOf(const RuleInfo& info) const {
  auto found = options_.severity.find(std::string(info.id));
  return found == options_.severity.end() ? info.severity : found->second;
}

bool Linter::Enabled(const RuleInfo& info) const {
  const std::string id(info.id);
  if (options_.disabled.count(id) != 0) return false;
  return info.enabled_by_default || options_.enabled.count(id) != 0;
}

std::vector<LintFinding> Linter::Lint(const LintInput& input) {
  return Lint(input, sql::ParsePostgresScript(input.sql));
}

std::vector<LintFinding> Linter::Lint(const LintInput& input,
                                      const Result<std::vector<sql::ParsedStatement>>& parsed) {
  std::vector<LintFinding> findings;
  auto make = [&](const RuleInfo& info, std::string_view text, int first_line, size_t offset,
                  std::string message, std::string fix) {
    base::TextPosition pos = base::PositionOf(text, offset);
    LintFinding finding;
    finding.rule = std::string(info.id);
    finding.severity = SeverityOf(info);
    finding.file = input.path;
    finding.migration_id = input.migration_id;
    finding.line = first_line + pos.line - 1;
    finding.column = pos.column;
    finding.message = std::move(message);
    finding.effect = std::string(info.effect);
    finding.fix = fix.empty() ? std::string(info.fix) : std::move(fix);
    return finding;
  };

  if (!parsed.ok()) {
    LintFinding finding =
        make(SyntaxErrorInfo(), "", input.first_line, 0, parsed.status().message(), {});
    finding.line = input.first_line + parsed.status().context().line - 1;
    finding.column = parsed.status().context().column;
    return {finding};
  }
  const std::vector<sql::ParsedStatement>& statements = *parsed;

  std::vector<Ignore> ignores;
  FindIgnores(input.header, 0, input.header.size(), true, 0, ignores);
  for (size_t i = 0; i < statements.size(); ++i) {
    FindIgnores(input.sql, statements[i].preamble, statements[i].offset, false, i, ignores);
  }
  // Which statement holds a byte offset (for statement-level ignores).
  auto statement_at = [&](size_t offset) -> std::optional<size_t> {
    for (size_t i = statements.size(); i-- > 0;) {
      if (offset >= statements[i].offset) return i;
    }
    return std::nullopt;
  };
  auto silenced = [&](const RuleInfo& info, size_t offset) {
    const std::optional<size_t> at = statement_at(offset);
    bool hit = false;
    for (Ignore& ignore : ignores) {
      if (!ignore.file_wide && (!at || ignore.statement != *at)) continue;
      for (size_t r = 0; r < ignore.rules.size(); ++r) {
        if (ignore.rules[r] == info.id) ignore.used[r] = hit = true;
      }
    }
    return hit;
  };
  auto collect = [&](const Rule& rule, Reporter& reporter) {
    for (Reporter::Item& item : reporter.items()) {
      if (silenced(rule.info(), item.offset)) continue;
      findings.push_back(make(rule.info(), input.sql, input.first_line, item.offset,
                              std::move(item.message), std::move(item.fix)));
    }
  };

  const bool live = options_.live_tables.has_value();
  state_.BeginMigration(input.mode, live,
                        options_.runner_sets_lock_timeout && !input.migration_id.empty());
  for (size_t i = 0; i < statements.size(); ++i) {
    const StatementContext context{statements[i], state_, input.sql, statements, i};
    for (const auto& rule : rules_) {
      if (!Enabled(rule->info())) continue;
      Reporter reporter;
      rule->CheckStatement(context, reporter);
      collect(*rule, reporter);
    }
    state_.Apply(statements[i]);
  }
  const MigrationContext migration{
      input.sql,      statements,         state_, input.mode, !input.migration_id.empty(),
      input.has_down, input.transactional};
  for (const auto& rule : rules_) {
    if (!Enabled(rule->info())) continue;
    Reporter reporter;
    rule->CheckMigration(migration, reporter);
    collect(*rule, reporter);
  }
  const std::vector<RuleInfo> known = Rules();
  for (const Ignore& ignore : ignores) {
    for (size_t r = 0; r < ignore.rules.size(); ++r) {
      if (ignore.used[r]) continue;
      const bool exists = std::any_of(known.begin(), known.end(), [&](const RuleInfo& info) {
        return info.id == ignore.rules[r];
      });
      std::string message =
          exists ? fmt::format("'strata:ignore {}' silences nothing here", ignore.rules[r])
                 : fmt::format("'strata:ignore' names unknown rule '{}'", ignore.rules[r]);
      if (!Enabled(UnusedIgnoreInfo())) continue;
      if (ignore.in_header) {
        LintFinding finding =
            make(UnusedIgnoreInfo(), input.header, 1, ignore.offset, std::move(message), {});
        findings.push_back(std::move(finding));
      } else {
        findings.push_back(make(UnusedIgnoreInfo(), input.sql, input.first_line, ignore.offset,
                                std::move(message), {}));
      }
    }
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const LintFinding& a, const LintFinding& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  return findings;
}

std::vector<LintFinding> Linter::LintHeads(const std::vector<std::string>& heads,
                                           const std::string& dir) const {
  if (heads.size() <= 1 || !Enabled(MultipleHeadsInfo())) return {};
  LintFinding finding;
  finding.rule = std::string(MultipleHeadsInfo().id);
  finding.severity = SeverityOf(MultipleHeadsInfo());
  finding.file = dir;
  finding.message = fmt::format("{} heads: {}", heads.size(), base::Join(heads, ", "));
  finding.effect = std::string(MultipleHeadsInfo().effect);
  finding.fix = std::string(MultipleHeadsInfo().fix);
  return {finding};
}

bool HasErrors(const std::vector<LintFinding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const LintFinding& finding) {
    return finding.severity == LintSeverity::kError;
  });
}

}  // namespace strata::lint
