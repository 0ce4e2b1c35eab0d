// strata lint: renders the library's findings as text, JSON, GitHub workflow
// annotations or SARIF 2.1.0. Exit 3 when any finding is at error level.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/render.h"

namespace strata::cli {

namespace {

using nlohmann::json;

void PrintHuman(const LintReport& report) {
  int counts[3] = {0, 0, 0};
  for (const LintFinding& f : report.findings) {
    ++counts[static_cast<int>(f.severity)];
    PrintLintFinding(f);
  }
  std::cout << fmt::format(
      "{} finding{} ({} error{}, {} warning{}, {} info) in {} file{}\n", report.findings.size(),
      report.findings.size() == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s", counts[1],
      counts[1] == 1 ? "" : "s", counts[0], report.files, report.files == 1 ? "" : "s");
}

// Streams one finding per line: a document of 30,000 findings built whole
// would take more memory than linting them did.
void PrintJson(const LintReport& report) {
  int counts[3] = {0, 0, 0};
  std::string out = "{\"findings\": [";
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const LintFinding& f = report.findings[i];
    ++counts[static_cast<int>(f.severity)];
    out += i == 0 ? "\n  " : ",\n  ";
    out += LintFindingJson(f).dump();
    if (out.size() > (1 << 16)) {
      std::cout << out;
      out.clear();
    }
  }
  const json summary = {{"files", report.files},
                        {"errors", counts[2]},
                        {"warnings", counts[1]},
                        {"infos", counts[0]}};
  out += fmt::format("{}],\n \"summary\": {}}}\n", report.findings.empty() ? "" : "\n",
                     summary.dump());
  std::cout << out;
}

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties
// also escape ':' and ','.
std::string GithubEscape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

void PrintGithub(const LintReport& report) {
  for (const LintFinding& f : report.findings) {
    const char* level = f.severity == LintSeverity::kError     ? "error"
                        : f.severity == LintSeverity::kWarning ? "warning"
                                                               : "notice";
    std::cout << fmt::format("::{} file={},line={},col={},title={}::{}\n", level,
                             GithubEscape(f.file, true), f.line, f.column,
                             GithubEscape("strata " + f.rule, true),
                             GithubEscape(f.message + ". Fix: " + f.fix, false));
  }
}

const char* SarifLevel(LintSeverity severity) {
  switch (severity) {
    case LintSeverity::kError:
      return "error";
    case LintSeverity::kWarning:
      return "warning";
    case LintSeverity::kInfo:
      return "note";
  }
  return "warning";
}

void PrintSarif(const LintReport& report) {
  json rules = json::array();
  for (const LintRuleInfo& rule : LintRules()) {
    rules.push_back({{"id", rule.id},
                     {"shortDescription", {{"text", rule.summary}}},
                     {"fullDescription", {{"text", rule.effect}}},
                     {"help", {{"text", rule.fix}}},
                     {"defaultConfiguration", {{"level", SarifLevel(rule.severity)}}}});
  }
  json results = json::array();
  for (const LintFinding& f : report.findings) {
    results.push_back({{"ruleId", f.rule},
                       {"level", SarifLevel(f.severity)},
                       {"message", {{"text", f.message + ". Fix: " + f.fix}}},
                       {"locations",
                        {{{"physicalLocation",
                           {{"artifactLocation", {{"uri", f.file}}},
                            {"region", {{"startLine", f.line}, {"startColumn", f.column}}}}}}}}});
  }
  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", {{"name", "strata"}, {"version", "0.1.0"}, {"rules", rules}}}}},
         {"results", results}}}}};
  std::cout << sarif.dump(2) << "\n";
}

int PrintRules(bool json_output) {
  if (json_output) {
    json rules = json::array();
    for (const LintRuleInfo& rule : LintRules()) {
      rules.push_back({{"id", rule.id},
                       {"severity", LintSeverityName(rule.severity)},
                       {"summary", rule.summary},
                       {"effect", rule.effect},
                       {"fix", rule.fix},
                       {"enabled_by_default", rule.enabled_by_default}});
    }
    std::cout << rules.dump(2) << "\n";
    return kExitOk;
  }
  for (const LintRuleInfo& rule : LintRules()) {
    std::cout << fmt::format("{:<34} {:<8} {}{}\n", rule.id, LintSeverityName(rule.severity),
                             rule.summary, rule.enabled_by_default ? "" : " (off by default)");
  }
  return kExitOk;
}

}  // namespace

int CmdLint(const GlobalFlags& flags, const LintArgs& args) {
  if (args.list_rules) return PrintRules(flags.json || args.format == "json");
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  auto run = [&]() -> Result<LintReport> {
    if (args.pending) {
      STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Migrator> migrator, Migrator::Open(*options));
      return migrator->LintPending();
    }
    LintRequest request;
    request.migrations_dir = options->migrations_dir;
    request.paths = args.paths;
    request.script_mode = args.tx == "wrapped" ? ScriptMode::kWrapped : ScriptMode::kNone;
    request.since = args.since;
    request.options = options->lint;
    // strata runs migration statements with lock_timeout = ddl_lock_timeout.
    request.options.runner_sets_lock_timeout = options->ddl_lock_timeout.count() > 0;
    return LintMigrations(request);
  };
  Result<LintReport> report = run();
  if (!report.ok()) return ReportError(report.status(), flags.json || args.format == "json");
  const std::string format = flags.json ? "json" : args.format;
  if (format == "json") {
    PrintJson(*report);
  } else if (format == "github") {
    PrintGithub(*report);
  } else if (format == "sarif") {
    PrintSarif(*report);
  } else {
    PrintHuman(*report);
  }
  return report->has_errors() ? kExitValidation : kExitOk;
}

}  // namespace strata::cli
