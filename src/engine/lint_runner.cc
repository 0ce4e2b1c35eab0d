#include "engine/lint_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "source/directory_reader.h"
#include "source/native_format.h"
#include "sql/pg_statement.h"

namespace strata {

namespace engine {

namespace {

namespace fs = std::filesystem;

lint::LintInput InputFor(const model::Migration& migration, const model::MigrationBody& body) {
  lint::LintInput input;
  input.path = migration.path;
  input.migration_id = migration.id;
  input.sql = body.up_sql;
  input.first_line = body.up_line;
  input.header = body.header;
  input.mode = migration.transactional ? lint::TxMode::kWrapped : lint::TxMode::kNone;
  input.has_down = migration.has_down;
  input.transactional = migration.transactional;
  return input;
}

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, fmt::format("cannot read {}", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool LooksLikeMigration(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("-- strata:up", 0) == 0) return true;
  }
  return false;
}

void Append(std::vector<LintFinding>& to, std::vector<LintFinding> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// A migrations directory: every migration (or those after `since`), then
// the graph-level policy.
Status LintDirectory(const std::string& dir, const std::string& since, lint::Linter& linter,
                     LintReport& report) {
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph, source::ReadMigrationDirectory(dir));
  size_t first = 0;
  if (!since.empty()) {
    STRATA_ASSIGN_OR_RETURN(size_t index, graph.Resolve(since));
    first = index + 1;
  }
  std::vector<size_t> indexes;
  for (size_t i = first; i < graph.size(); ++i) indexes.push_back(i);
  STRATA_ASSIGN_OR_RETURN(std::vector<LintFinding> findings, LintUpParts(graph, indexes, linter));
  Append(report.findings, std::move(findings));
  Append(report.findings, linter.LintHeads(graph.Heads(), dir));
  report.files += static_cast<int>(indexes.size());
  return Status::Ok();
}

Status LintFile(const std::string& path, ScriptMode mode, lint::Linter& linter,
                LintReport& report) {
  STRATA_ASSIGN_OR_RETURN(std::string text, ReadText(path));
  ++report.files;
  if (!LooksLikeMigration(text)) {
    lint::LintInput input;
    input.path = path;
    input.sql = std::move(text);
    input.mode = mode == ScriptMode::kWrapped ? lint::TxMode::kWrapped : lint::TxMode::kNone;
    input.transactional = mode == ScriptMode::kWrapped;
    Append(report.findings, linter.Lint(input));
    return Status::Ok();
  }
  std::vector<Problem> problems;
  model::ParsedMigration migration =
      source::ParseNativeMigration(fs::path(path).stem().string(), path, text, problems);
  if (!problems.empty()) {
    return Status(Code::kInvalidMigrations, fmt::format("{} is not a valid migration", path))
        .WithProblems(std::move(problems));
  }
  Append(report.findings, linter.Lint(InputFor(migration, migration)));
  return Status::Ok();
}

}  // namespace

Result<std::vector<LintFinding>> LintUpParts(const model::RevisionGraph& graph,
                                             const std::vector<size_t>& indexes,
                                             lint::Linter& linter) {
  // Reading and parsing dominate and are independent per file, so they run
  // on every core, a window at a time (memory stays bounded); the rules then
  // run in order, since what one migration creates matters to the next.
  struct Parsed {
    std::optional<Result<model::MigrationBody>> body;
    std::optional<Result<std::vector<sql::ParsedStatement>>> statements;
  };
  constexpr size_t kWindow = 256;
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  std::vector<LintFinding> findings;
  std::vector<Parsed> window;
  for (size_t start = 0; start < indexes.size(); start += kWindow) {
    const size_t count = std::min(kWindow, indexes.size() - start);
    window.assign(count, Parsed{});
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < count; i = next++) {
        Parsed& slot = window[i];
        slot.body = source::LoadMigrationBody(graph.at(indexes[start + i]));
        if (slot.body->ok()) slot.statements = sql::ParsePostgresScript((*slot.body)->up_sql);
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < std::min<size_t>(workers, count); ++t) threads.emplace_back(work);
    work();
    for (std::thread& thread : threads) thread.join();
    for (size_t i = 0; i < count; ++i) {
      Parsed& slot = window[i];
      if (!slot.body->ok()) return slot.body->status();
      Append(findings,
             linter.Lint(InputFor(graph.at(indexes[start + i]), **slot.body), *slot.statements));
    }
  }
  return findings;
}

}  // namespace engine

std::vector<LintRuleInfo> LintRules() {
  std::vector<LintRuleInfo> out;
  for (const lint::RuleInfo& info : lint::Linter(LintOptions{}).Rules()) {
    out.push_back({std::string(info.id), info.severity, std::string(info.summary),
                   std::string(info.effect), std::string(info.fix), info.enabled_by_default});
  }
  return out;
}

bool LintReport::has_errors() const { return lint::HasErrors(findings); }

Result<LintReport> LintMigrations(const LintRequest& request) {
  lint::Linter linter(request.options);
  LintReport report;
  if (request.paths.empty()) {
    STRATA_RETURN_IF_ERROR(
        engine::LintDirectory(request.migrations_dir, request.since, linter, report));
    return report;
  }
  for (const std::string& path : request.paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      STRATA_RETURN_IF_ERROR(engine::LintDirectory(path, request.since, linter, report));
    } else {
      STRATA_RETURN_IF_ERROR(engine::LintFile(path, request.script_mode, linter, report));
    }
  }
  return report;
}

}  // namespace strata
