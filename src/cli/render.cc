#include "cli/render.h"

#include <fmt/format.h>

#include <cstdio>
#include <iostream>

namespace strata::cli {

int ExitCodeFor(Code code) {
  switch (code) {
    case Code::kOk:
      return kExitOk;
    case Code::kInvalidArgument:
    case Code::kNotFound:
      return kExitUsage;
    case Code::kInvalidMigrations:
    case Code::kMultipleHeads:
    case Code::kHistoryChanged:
    case Code::kLedgerCorrupt:
    case Code::kUnsafeMigration:
      return kExitValidation;
    case Code::kLockTimeout:
      return kExitLockTimeout;
    case Code::kDirty:
      return kExitDirty;
    default:
      return kExitError;
  }
}

nlohmann::json ErrorJson(const Status& status) {
  const ErrorContext& ctx = status.context();
  nlohmann::json error = {{"code", CodeName(status.code())}, {"message", status.message()}};
  if (!ctx.migration_id.empty()) error["migration"] = ctx.migration_id;
  if (!ctx.file.empty()) error["file"] = ctx.file;
  if (ctx.line > 0) error["line"] = ctx.line;
  if (ctx.column > 0) error["column"] = ctx.column;
  if (ctx.statement_index >= 0) error["statement_index"] = ctx.statement_index;
  if (!ctx.statement.empty()) error["statement"] = ctx.statement;
  if (!ctx.sqlstate.empty()) error["sqlstate"] = ctx.sqlstate;
  if (!ctx.detail.empty()) error["detail"] = ctx.detail;
  if (!ctx.hint.empty()) error["hint"] = ctx.hint;
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& p : status.problems()) {
    nlohmann::json item = {{"file", p.file}, {"line", p.line}, {"message", p.message}};
    if (p.column > 0) item["column"] = p.column;
    problems.push_back(item);
  }
  if (!problems.empty()) error["problems"] = problems;
  return error;
}

std::string ErrorText(const Status& status, std::string_view indent) {
  const ErrorContext& ctx = status.context();
  std::string out;
  std::string where;
  if (!ctx.file.empty()) {
    where = ctx.file;
    if (ctx.line > 0) where += fmt::format(":{}", ctx.line);
    if (ctx.column > 0) where += fmt::format(":{}", ctx.column);
    where += ": ";
  }
  if (status.problems().size() > 1 || (status.problems().size() == 1 && where.empty())) {
    out += fmt::format("{}error: {}\n", indent, status.message());
    for (const Problem& p : status.problems()) {
      std::string at = p.file;
      if (!at.empty() && p.line > 0) at += fmt::format(":{}", p.line);
      if (!at.empty() && p.line > 0 && p.column > 0) at += fmt::format(":{}", p.column);
      out += at.empty() ? fmt::format("{}  {}\n", indent, p.message)
                        : fmt::format("{}  {}: {}\n", indent, at, p.message);
    }
  } else {
    out += fmt::format("{}{}error: {}\n", indent, where, status.message());
  }
  if (!ctx.statement.empty()) out += fmt::format("{}  statement: {}\n", indent, ctx.statement);
  if (!ctx.detail.empty()) out += fmt::format("{}  detail: {}\n", indent, ctx.detail);
  if (!ctx.hint.empty()) out += fmt::format("{}  hint: {}\n", indent, ctx.hint);
  if (!ctx.sqlstate.empty()) out += fmt::format("{}  database code: {}\n", indent, ctx.sqlstate);
  return out;
}

int ReportError(const Status& status, bool json, const nlohmann::json& extra) {
  if (json) {
    nlohmann::json document = {
        {"ok", false}, {"exit_code", ExitCodeFor(status.code())}, {"error", ErrorJson(status)}};
    if (extra.is_object()) document.update(extra);
    PrintJson(document);
    return ExitCodeFor(status.code());
  }
  fmt::print(stderr, "{}", ErrorText(status, ""));
  return ExitCodeFor(status.code());
}

void PrintJson(const nlohmann::json& document) { std::cout << document.dump(2) << std::endl; }

void PrintLintFinding(const LintFinding& f, bool to_stderr) {
  std::FILE* out = to_stderr ? stderr : stdout;
  fmt::print(out, "{}:{}:{}  {}  {}  {}\n", f.file, f.line, f.column, LintSeverityName(f.severity),
             f.rule, f.message);
  if (!f.effect.empty()) fmt::print(out, "    why: {}\n", f.effect);
  if (!f.fix.empty()) fmt::print(out, "    fix: {}\n", f.fix);
}

nlohmann::json LintFindingJson(const LintFinding& f) {
  nlohmann::json out = {{"rule", f.rule},     {"severity", LintSeverityName(f.severity)},
                        {"file", f.file},     {"line", f.line},
                        {"column", f.column}, {"message", f.message},
                        {"effect", f.effect}, {"fix", f.fix}};
  if (!f.migration_id.empty()) out["migration"] = f.migration_id;
  return out;
}

EventListener TextProgress() {
  return [](const Event& e) {
    switch (e.kind) {
      case EventKind::kLockWaiting:
        fmt::print(stderr, "waiting for the migration lock: {}\n", e.message);
        break;
      case EventKind::kMigrationFinished:
        fmt::print("{} {} ({} ms)\n", e.direction == Direction::kUp ? "applied " : "reverted",
                   e.migration_id, e.duration_ms);
        break;
      case EventKind::kMigrationFailed:
        fmt::print("FAILED   {} ({} ms)\n", e.migration_id, e.duration_ms);
        break;
      case EventKind::kRetrying:
        fmt::print(stderr, "{}: {}\n", e.migration_id, e.message);
        break;
      case EventKind::kLintFinding:
        if (e.finding) PrintLintFinding(*e.finding, /*to_stderr=*/true);
        break;
      case EventKind::kRecorded:
        fmt::print("recorded {} {}\n", e.migration_id,
                   e.direction == Direction::kUp ? "as applied" : "as reverted");
        break;
      default:
        break;
    }
    std::fflush(stdout);
  };
}

std::string DescribeStep(const PlanStep& step) {
  return fmt::format("{} {}{}", step.direction == Direction::kUp ? "apply " : "revert",
                     step.migration_id, step.transactional ? "" : " (no transaction)");
}

nlohmann::json PlanToJson(const std::vector<PlanStep>& plan) {
  nlohmann::json steps = nlohmann::json::array();
  for (const PlanStep& s : plan) {
    steps.push_back({{"migration", s.migration_id},
                     {"direction", DirectionName(s.direction)},
                     {"transactional", s.transactional}});
  }
  return steps;
}

nlohmann::json LedgerEntryToJson(const LedgerEntry& e) {
  return {{"seq", e.seq},
          {"migration", e.migration_id},
          {"event", LedgerEventName(e.event)},
          {"direction", DirectionName(e.direction)},
          {"checksum", e.checksum},
          {"checksum_version", e.checksum_version},
          {"parents", e.parents},
          {"transactional", e.transactional},
          {"actor", e.actor},
          {"recorded_at", e.recorded_at},
          {"duration_ms", e.duration_ms},
          {"error", e.error},
          {"prev_hash", e.prev_hash},
          {"row_hash", e.row_hash}};
}

nlohmann::json StatusToJson(const StatusReport& r) {
  nlohmann::json migrations = nlohmann::json::array();
  for (const MigrationState& m : r.migrations) {
    nlohmann::json item = {{"id", m.id},
                           {"parents", m.parents},
                           {"applied", m.applied},
                           {"head", m.is_head},
                           {"transactional", m.transactional},
                           {"has_down", m.has_down}};
    if (m.applied) item["applied_at"] = m.applied_at;
    migrations.push_back(item);
  }
  nlohmann::json doc = {{"ok", true},
                        {"url", r.url},
                        {"heads", r.heads},
                        {"current", r.current},
                        {"pending", r.pending},
                        {"ledger_head", r.ledger_head},
                        {"migrations", migrations},
                        {"dirty", nullptr}};
  if (r.dirty) {
    doc["dirty"] = {{"migration", r.dirty->migration_id},
                    {"direction", DirectionName(r.dirty->direction)},
                    {"event", LedgerEventName(r.dirty->event)},
                    {"error", r.dirty->error},
                    {"recorded_at", r.dirty->recorded_at}};
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& p : r.history_problems) {
    problems.push_back({{"file", p.file}, {"line", p.line}, {"message", p.message}});
  }
  doc["history_problems"] = problems;
  return doc;
}

}  // namespace strata::cli
