// up, down, goto, stamp, repair: the commands that change the database.
#include <fmt/format.h>

#include <charconv>

#include "cli/commands.h"
#include "cli/render.h"

namespace strata::cli {

namespace {

// In JSON mode lint findings are collected into `lint` (when given) for the
// final document instead of being printed as they come.
Result<std::unique_ptr<Migrator>> OpenMigrator(const GlobalFlags& flags,
                                               nlohmann::json* lint = nullptr) {
  STRATA_ASSIGN_OR_RETURN(MigratorOptions options, ResolveOptions(flags));
  if (!flags.json) {
    options.listener = TextProgress();
  } else if (lint != nullptr) {
    *lint = nlohmann::json::array();
    options.listener = [lint](const Event& event) {
      if (event.finding) lint->push_back(LintFindingJson(*event.finding));
    };
  }
  return Migrator::Open(options);
}

// "+3" / "-3" -> 3; 0 when `text` is not a signed count.
int SignedCount(const std::string& text, char sign) {
  if (text.size() < 2 || text[0] != sign) return 0;
  int n = 0;
  auto [ptr, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), n);
  return ec == std::errc() && ptr == text.data() + text.size() && n > 0 ? n : 0;
}

int Move(const GlobalFlags& flags, const MoveArgs& args, const Operation& op) {
  nlohmann::json lint;
  auto migrator = OpenMigrator(flags, &lint);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  RunOptions run;
  run.single_transaction = args.single_transaction;
  run.lock_retries = args.retries;
  run.allow_unsafe = args.allow_unsafe;
  if (args.sql) {
    auto script = (*migrator)->Script(op, run);
    if (!script.ok()) return ReportError(script.status(), flags.json);
    if (flags.json) {
      PrintJson({{"ok", true}, {"sql", *script}});
    } else {
      fmt::print("{}", *script);
    }
    return kExitOk;
  }
  if (args.dry_run) {
    auto plan = (*migrator)->Plan(op);
    if (!plan.ok()) return ReportError(plan.status(), flags.json);
    if (flags.json) {
      PrintJson({{"ok", true}, {"dry_run", true}, {"plan", PlanToJson(*plan)}});
    } else if (plan->empty()) {
      fmt::print("nothing to do\n");
    } else {
      fmt::print("plan ({} step{}):\n", plan->size(), plan->size() == 1 ? "" : "s");
      for (const PlanStep& step : *plan) fmt::print("  {}\n", DescribeStep(step));
    }
    return kExitOk;
  }
  auto report = (*migrator)->Run(op, run);
  if (!report.ok()) {
    return ReportError(report.status(), flags.json,
                       lint.empty() ? nlohmann::json() : nlohmann::json{{"lint", lint}});
  }
  if (flags.json) {
    PrintJson({{"ok", true},
               {"plan", PlanToJson(report->plan)},
               {"completed", report->completed},
               {"duration_ms", report->duration_ms},
               {"lint", lint.is_null() ? nlohmann::json::array() : lint}});
  } else if (report->plan.empty()) {
    fmt::print("nothing to do: the database is at the target\n");
  } else {
    fmt::print("done: {} step{} in {} ms\n", report->completed, report->completed == 1 ? "" : "s",
               report->duration_ms);
  }
  return kExitOk;
}

int Usage(const std::string& message, bool json) {
  return ReportError(Status(Code::kInvalidArgument, message), json);
}

}  // namespace

int CmdUp(const GlobalFlags& flags, const MoveArgs& args) {
  if (args.target.empty() || args.target == "heads")
    return Move(flags, args, Operation::UpToHeads());
  if (args.target[0] == '+') {
    int n = SignedCount(args.target, '+');
    if (n == 0) return Usage(fmt::format("bad step count '{}'", args.target), flags.json);
    return Move(flags, args, Operation::UpBy(n));
  }
  return Move(flags, args, Operation::UpTo(args.target));
}

int CmdDown(const GlobalFlags& flags, const MoveArgs& args) {
  if (args.all) {
    if (!args.target.empty()) return Usage("give a target or --all, not both", flags.json);
    return Move(flags, args, Operation::DownAll());
  }
  if (args.target.empty()) {
    return Usage("down needs a target: a migration id, -N, or --all to revert everything",
                 flags.json);
  }
  if (args.target[0] == '-') {
    int n = SignedCount(args.target, '-');
    if (n == 0) return Usage(fmt::format("bad step count '{}'", args.target), flags.json);
    return Move(flags, args, Operation::DownBy(n));
  }
  return Move(flags, args, Operation::DownTo(args.target));
}

int CmdGoto(const GlobalFlags& flags, const MoveArgs& args) {
  return Move(flags, args, Operation::Goto(args.target));
}

int CmdStamp(const GlobalFlags& flags, const std::string& id) {
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  auto report = (*migrator)->Stamp(id);
  if (!report.ok()) return ReportError(report.status(), flags.json);
  if (flags.json) {
    PrintJson({{"ok", true}, {"recorded", PlanToJson(report->plan)}});
  } else if (report->plan.empty()) {
    fmt::print("nothing to record: the ledger is already at '{}'\n", id);
  }
  return kExitOk;
}

int CmdRepair(const GlobalFlags& flags, const std::string& id, bool applied, bool reverted,
              const std::string& note) {
  if (applied == reverted) {
    return Usage("say what the migration's state is now: --applied or --reverted", flags.json);
  }
  auto migrator = OpenMigrator(flags);
  if (!migrator.ok()) return ReportError(migrator.status(), flags.json);
  Status status =
      (*migrator)->Repair(id, applied ? Resolution::kApplied : Resolution::kReverted, note);
  if (!status.ok()) return ReportError(status, flags.json);
  if (flags.json) {
    PrintJson({{"ok", true}, {"migration", id}, {"resolution", applied ? "applied" : "reverted"}});
  } else {
    fmt::print("the database is clean again; '{}' is recorded as {}\n", id,
               applied ? "applied" : "reverted");
  }
  return kExitOk;
}

}  // namespace strata::cli
