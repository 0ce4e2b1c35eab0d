// test rollback: prints engine::TestRollback's verdicts as they come (text)
// or one document at the end (--json). The testing is in src/engine.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "cli/render.h"
#include "engine/rollback_tester.h"
#include "schema/render.h"

namespace strata::cli {

namespace {

// What a verdict means, for people.
const char* VerdictText(engine::RollbackVerdict verdict) {
  using V = engine::RollbackVerdict;
  switch (verdict) {
    case V::kOk:
      return "ok";
    case V::kNoDown:
      return "no down part";
    case V::kUpFails:
      return "up fails";
    case V::kDownFails:
      return "down fails";
    case V::kDownDiffers:
      return "down leaves a difference";
    case V::kReupFails:
      return "re-up fails";
    case V::kReupDiffers:
      return "re-up differs";
    case V::kSkipped:
      return "skipped";
    case V::kNotTested:
      return "applied, not tested";
  }
  return "unknown";
}

void PrintResult(const engine::RollbackResult& r) {
  fmt::print("{:<24} {}  ({} ms)\n", VerdictText(r.verdict), r.migration_id, r.duration_ms);
  if (!r.error.ok()) fmt::print("{}", ErrorText(r.error, "    "));
  if (!r.note.empty()) fmt::print("    {}\n", r.note);
  if (!r.differences.empty()) {
    const char* what = r.verdict == engine::RollbackVerdict::kDownDiffers
                           ? "before up -> after down"
                           : "after up -> after down and up again";
    fmt::print("    {}:\n", what);
    std::string text = schema::DiffToText(r.differences);
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      fmt::print("      {}\n", text.substr(pos, end - pos));
      pos = end == std::string::npos ? text.size() : end + 1;
    }
  }
}

nlohmann::json ResultJson(const engine::RollbackResult& r) {
  nlohmann::json out = {{"migration", r.migration_id},
                        {"file", r.file},
                        {"verdict", engine::RollbackVerdictName(r.verdict)},
                        {"failed", r.failed},
                        {"duration_ms", r.duration_ms}};
  if (!r.error.ok()) out["error"] = ErrorJson(r.error);
  if (!r.note.empty()) out["note"] = r.note;
  if (!r.differences.empty()) out["differences"] = schema::DiffToJson(r.differences)["differences"];
  return out;
}

}  // namespace

int CmdTestRollback(const GlobalFlags& flags, const RollbackTestArgs& args) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) return ReportError(options.status(), flags.json);
  engine::RollbackTestOptions test;
  test.from = args.from;
  test.to = args.to;
  test.allow_no_down = args.allow_no_down;
  if (!flags.json) {
    fmt::print("testing each migration's down part on a scratch database\n");
    test.on_result = [](const engine::RollbackResult& r) {
      PrintResult(r);
      std::fflush(stdout);
    };
  }
  auto report = engine::TestRollback(*options, test);
  if (!report.ok()) return ReportError(report.status(), flags.json);
  std::map<std::string, int> counts;
  for (const engine::RollbackResult& r : report->results) {
    ++counts[engine::RollbackVerdictName(r.verdict)];
  }
  if (flags.json) {
    nlohmann::json results = nlohmann::json::array();
    for (const engine::RollbackResult& r : report->results) results.push_back(ResultJson(r));
    PrintJson({{"ok", report->failures == 0},
               {"results", results},
               {"summary", counts},
               {"failures", report->failures},
               {"rebuilds", report->rebuilds},
               {"duration_ms", report->duration_ms}});
  } else {
    std::string summary;
    for (const auto& [verdict, n] : counts) {
      summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", n, verdict);
    }
    fmt::print("\n{} migration{}: {}; {} failure{} ({} ms)\n", report->results.size(),
               report->results.size() == 1 ? "" : "s", summary, report->failures,
               report->failures == 1 ? "" : "s", report->duration_ms);
  }
  return report->failures == 0 ? kExitOk : kExitValidation;
}

}  // namespace strata::cli
