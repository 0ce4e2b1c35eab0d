// status, history, heads, graph, validate, audit: commands that only read.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands.h"
#include "cli/render.h"
#include "source/directory_reader.h"

namespace strata::cli {

namespace {

Result<std::unique_ptr<Migrator>> OpenMigrator(const GlobalFlags& flags) {
  STRATA_ASSIGN_OR_RETURN(MigratorOptions options, ResolveOptions(flags));
  return Migrator::Open(options);
}

Result<model::RevisionGraph> ReadGraph(const GlobalFlags& flags) {
  STRATA_ASSIGN_OR_RETURN(MigratorOptions options, ResolveOptions(flags));
  return source::ReadMigrationDirectory(options.migrations_dir);
}

void PrintStatusText(const StatusReport& r) {
  fmt::print("database: {}\n", r.url);
  fmt::print("heads:    {}\n",
             r.heads.empty() ? "(no migrations)" : fmt::format("{}", fmt::join(r.heads, ", ")));
  fmt::print("current:  {}\n", r.current.empty() ? "(nothing applied)"
                                                 : fmt::format("{}", fmt::join(r.current, ", ")));
  fmt::print("pending:  {} of {}\n\n", r.pending, r.migrations.size());
  for (const MigrationState& m : r.migrations) {
    std::string mark = m.applied ? "[x]" : "[ ]";
    std::string notes;
    if (m.parents.size() > 1) notes += " (merge)";
    if (!m.transactional) notes += " (no transaction)";
    if (!m.has_down) notes += " (no down)";
    fmt::print("  {} {}{}{}\n", mark, m.id, notes, m.applied ? "  " + m.applied_at : "");
  }
  if (r.dirty) {
    fmt::print("\nDIRTY: no-transaction migration '{}' ({}) {} at {}.\n", r.dirty->migration_id,
               DirectionName(r.dirty->direction),
               r.dirty->event == LedgerEvent::kStarted ? "started and never finished"
                                                       : "failed: " + r.dirty->error,
               r.dirty->recorded_at);
    fmt::print(
        "  Check what it changed, finish or undo it by hand, then record the outcome:\n"
        "    strata repair {0} --applied    (its changes are all in place)\n"
        "    strata repair {0} --reverted   (none of its changes remain)\n",
        r.dirty->migration_id);
  }
  if (!r.history_problems.empty()) {
    fmt::print("\nHISTORY CHANGED:\n");
    for (const Problem& p : r.history_problems) fmt::print("  {}\n", p.message);
  }
}

}  // namespace

int CmdStatus(const GlobalFlags& flags) {
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  auto report = (*migrator)->GetStatus();
  if (!report.ok()) return ReportError(report.status(), flags.json);
  if (flags.json) {
    PrintJson(StatusToJson(*report));
  } else {
    PrintStatusText(*report);
  }
  if (report->dirty) return kExitDirty;
  if (!report->history_problems.empty()) return kExitValidation;
  return kExitOk;
}

int CmdHistory(const GlobalFlags& flags) {
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  auto entries = (*migrator)->History();
  if (!entries.ok()) return ReportError(entries.status(), flags.json);
  if (flags.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const LedgerEntry& e : *entries) rows.push_back(LedgerEntryToJson(e));
    PrintJson({{"ok", true}, {"history", rows}});
    return kExitOk;
  }
  if (entries->empty()) fmt::print("no history yet\n");
  for (const LedgerEntry& e : *entries) {
    fmt::print("{:>4}  {}  {:<17} {:<4}  {}  {} ms  {}{}\n", e.seq, e.recorded_at,
               LedgerEventName(e.event), DirectionName(e.direction), e.migration_id, e.duration_ms,
               e.actor, e.error.empty() ? "" : "  error: " + e.error);
  }
  return kExitOk;
}

int CmdHeads(const GlobalFlags& flags) {
  auto graph = ReadGraph(flags);
  if (!graph.ok()) return ReportError(graph.status(), flags.json);
  std::vector<std::string> heads = graph->Heads();
  if (flags.json) {
    PrintJson({{"ok", true}, {"heads", heads}});
  } else {
    for (const std::string& h : heads) fmt::print("{}\n", h);
  }
  return kExitOk;
}

int CmdGraph(const GlobalFlags& flags, const std::string& format) {
  auto graph = ReadGraph(flags);
  if (!graph.ok()) return ReportError(graph.status(), flags.json);
  const auto& ms = graph->migrations();
  if (flags.json) {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& m : ms) nodes.push_back({{"id", m.id}, {"parents", m.parents}});
    PrintJson({{"ok", true},
               {"migrations", nodes},
               {"roots", graph->Roots()},
               {"heads", graph->Heads()},
               {"branch_points", graph->BranchPoints()},
               {"merge_points", graph->MergePoints()}});
    return kExitOk;
  }
  if (format == "dot") {
    fmt::print("digraph strata {{\n  rankdir=BT;\n");
    for (const auto& m : ms) {
      fmt::print("  \"{}\";\n", m.id);
      for (const auto& p : m.parents) fmt::print("  \"{}\" -> \"{}\";\n", m.id, p);
    }
    fmt::print("}}\n");
  } else if (format == "mermaid") {
    fmt::print("graph BT\n");
    for (size_t i = 0; i < ms.size(); ++i) {
      fmt::print("  m{}[\"{}\"]\n", i, ms[i].id);
      for (size_t p : graph->parents(i)) fmt::print("  m{} --> m{}\n", i, p);
    }
  } else {
    for (size_t i = 0; i < ms.size(); ++i) {
      std::string tags;
      if (graph->parents(i).empty()) tags += " (root)";
      if (graph->parents(i).size() > 1) tags += " (merge)";
      if (graph->children(i).size() > 1) tags += " (branch point)";
      if (graph->children(i).empty()) tags += " (head)";
      fmt::print("{}{}\n", ms[i].id, tags);
      for (const auto& p : ms[i].parents) fmt::print("  <- {}\n", p);
    }
  }
  return kExitOk;
}

int CmdValidate(const GlobalFlags& flags, bool single_head, bool offline) {
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  auto report = (*migrator)->Validate(single_head, !offline);
  if (!report.ok()) return ReportError(report.status(), flags.json);
  const bool unsafe =
      std::any_of(report->lint.begin(), report->lint.end(),
                  [](const LintFinding& f) { return f.severity == LintSeverity::kError; });
  if (flags.json) {
    nlohmann::json lint = nlohmann::json::array();
    for (const LintFinding& f : report->lint) lint.push_back(LintFindingJson(f));
    PrintJson({{"ok", !unsafe},
               {"migrations", report->migrations},
               {"heads", report->heads},
               {"database_checked", report->database_checked},
               {"lint", lint}});
  } else {
    for (const LintFinding& f : report->lint) PrintLintFinding(f);
    fmt::print("ok: {} migrations, {} head{}{}\n", report->migrations, report->heads.size(),
               report->heads.size() == 1 ? "" : "s",
               report->database_checked ? ", applied history matches the files" : "");
    if (unsafe) fmt::print("pending migrations have error-level lint findings (see above)\n");
  }
  return unsafe ? kExitValidation : kExitOk;
}

int CmdAudit(const GlobalFlags& flags, const std::string& expect_head) {
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  auto report = (*migrator)->Audit(expect_head);
  if (!report.ok()) return ReportError(report.status(), flags.json);
  if (flags.json) {
    PrintJson({{"ok", true},
               {"rows", report->rows},
               {"head", report->head},
               {"rows_after_expected_head", report->rows_after_expected_head}});
  } else {
    fmt::print("ledger ok: {} rows, hash chain intact\nhead: {}\n", report->rows,
               report->head.empty() ? "(empty ledger)" : report->head);
    if (!expect_head.empty()) {
      fmt::print("expected head found; {} row(s) recorded since\n",
                 report->rows_after_expected_head);
    }
  }
  return kExitOk;
}

}  // namespace strata::cli
