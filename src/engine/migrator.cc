// Migrator: the public entry point. Every database operation follows the same
// order: lock, read the ledger, check it, plan, prepare, run, sync, unlock.
#include <fmt/format.h>

#include "engine/executor.h"
#include "engine/ledger_writer.h"
#include "engine/lint_runner.h"
#include "engine/prepared_plan.h"
#include "engine/script_renderer.h"
#include "model/ledger.h"
#include "model/planner.h"
#include "source/directory_reader.h"
#include "strata/strata.h"

namespace strata {

namespace {

// Holds the driver's migration lock for a scope.
class LockGuard {
 public:
  explicit LockGuard(Driver& driver) : driver_(driver) {}
  ~LockGuard() {
    if (held_) (void)driver_.Unlock();
  }
  LockGuard(const LockGuard&) = delete;
  LockGuard& operator=(const LockGuard&) = delete;

  Status Acquire(std::chrono::milliseconds timeout, const EventListener& listener) {
    auto on_wait = [&](const std::string& holder) {
      if (listener)
        listener(Event{EventKind::kLockWaiting, {}, Direction::kUp, 0, 0, 0, holder, {}});
    };
    STRATA_RETURN_IF_ERROR(driver_.Lock(timeout, on_wait));
    held_ = true;
    if (listener) listener(Event{EventKind::kLockAcquired, {}, Direction::kUp, 0, 0, 0, {}, {}});
    return Status::Ok();
  }

 private:
  Driver& driver_;
  bool held_ = false;
};

Status DirtyError(const DirtyState& dirty) {
  std::string what = dirty.event == LedgerEvent::kStarted ? "was interrupted (or is still running)"
                                                          : fmt::format("failed: {}", dirty.error);
  Status status(
      Code::kDirty,
      fmt::format("the database is dirty: no-transaction migration '{}' ({}) {}. Check "
                  "what it changed, finish or undo it by hand, then run 'strata repair "
                  "{} --applied' or '--reverted'",
                  dirty.migration_id, DirectionName(dirty.direction), what, dirty.migration_id));
  status.mutable_context().migration_id = dirty.migration_id;
  return status;
}

Status HistoryError(std::vector<Problem> problems) {
  Status status(
      Code::kHistoryChanged,
      problems.size() == 1
          ? problems[0].message
          : fmt::format("{} applied migrations no longer match the ledger", problems.size()));
  status.mutable_context().file = problems[0].file;
  status.mutable_context().line = problems[0].line;
  return status.WithProblems(std::move(problems));
}

}  // namespace

class Migrator::Impl {
 public:
  Impl(MigratorOptions options, model::RevisionGraph graph, std::unique_ptr<Driver> driver)
      : options_(std::move(options)), graph_(std::move(graph)), driver_(std::move(driver)) {
    if (options_.actor.empty()) options_.actor = "strata";
  }

  // The ledger as read under the lock, checked for dirt and edited history.
  struct Session {
    std::vector<LedgerEntry> entries;
    model::AppliedState state;
  };

  Result<Session> OpenSession(bool allow_dirty = false) {
    Session session;
    STRATA_ASSIGN_OR_RETURN(session.entries, driver_->ReadLedger());
    model::LedgerFold fold = model::FoldLedger(session.entries);
    if (fold.dirty && !allow_dirty) return DirtyError(*fold.dirty);
    std::vector<Problem> problems = model::CheckHistory(graph_, fold);
    if (!problems.empty()) return HistoryError(std::move(problems));
    session.state = model::ToAppliedState(graph_, fold);
    return session;
  }

  Result<StatusReport> GetStatus() {
    StatusReport report;
    report.url = driver_->redacted_url();
    STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, driver_->ReadLedger());
    model::LedgerFold fold = model::FoldLedger(entries);
    model::AppliedState state = model::ToAppliedState(graph_, fold);
    report.dirty = fold.dirty;
    report.history_problems = model::CheckHistory(graph_, fold);
    report.heads = graph_.Heads();
    if (!entries.empty()) report.ledger_head = entries.back().row_hash;
    for (size_t i = 0; i < graph_.size(); ++i) {
      const model::Migration& m = graph_.at(i);
      MigrationState ms;
      ms.id = m.id;
      ms.parents = m.parents;
      ms.applied = state.applied[i];
      if (ms.applied) ms.applied_at = fold.applied.at(m.id).entry->recorded_at;
      ms.is_head = graph_.children(i).empty();
      ms.transactional = m.transactional;
      ms.has_down = m.has_down;
      if (!ms.applied) ++report.pending;
      bool applied_child = false;
      for (size_t c : graph_.children(i)) applied_child = applied_child || state.applied[c];
      if (ms.applied && !applied_child) report.current.push_back(m.id);
      report.migrations.push_back(std::move(ms));
    }
    return report;
  }

  Result<LintReport> LintPending() {
    STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, driver_->ReadLedger());
    model::AppliedState state = model::ToAppliedState(graph_, model::FoldLedger(entries));
    std::vector<size_t> pending;
    for (size_t i = 0; i < graph_.size(); ++i) {
      if (!state.applied[i]) pending.push_back(i);
    }
    LintReport report;
    STRATA_ASSIGN_OR_RETURN(report.findings, LintLive(pending));
    report.files = static_cast<int>(pending.size());
    return report;
  }

  Result<std::vector<PlanStep>> Plan(const Operation& op) {
    LockGuard lock(*driver_);
    STRATA_RETURN_IF_ERROR(lock.Acquire(options_.lock_timeout, options_.listener));
    STRATA_ASSIGN_OR_RETURN(Session session, OpenSession());
    return model::PlanOperation(graph_, session.state, op);
  }

  Result<std::string> Script(const Operation& op, const RunOptions& run) {
    LockGuard lock(*driver_);
    STRATA_RETURN_IF_ERROR(lock.Acquire(options_.lock_timeout, options_.listener));
    STRATA_ASSIGN_OR_RETURN(Session session, OpenSession());
    STRATA_ASSIGN_OR_RETURN(std::vector<PlanStep> plan,
                            model::PlanOperation(graph_, session.state, op));
    STRATA_ASSIGN_OR_RETURN(std::vector<engine::PreparedStep> steps,
                            engine::PrepareSteps(*driver_, graph_, plan, run.single_transaction));
    engine::LedgerWriter ledger(*driver_, std::move(session.entries), options_.actor);
    return engine::RenderScript(*driver_, ledger, steps, run.single_transaction);
  }

  Result<RunReport> Run(const Operation& op, const RunOptions& run) {
    LockGuard lock(*driver_);
    STRATA_RETURN_IF_ERROR(lock.Acquire(options_.lock_timeout, options_.listener));
    STRATA_ASSIGN_OR_RETURN(Session session, OpenSession());
    STRATA_ASSIGN_OR_RETURN(std::vector<PlanStep> plan,
                            model::PlanOperation(graph_, session.state, op));
    STRATA_ASSIGN_OR_RETURN(std::vector<engine::PreparedStep> steps,
                            engine::PrepareSteps(*driver_, graph_, plan, run.single_transaction));
    if (steps.empty()) return RunReport{};
    if (options_.lint_before_up) STRATA_RETURN_IF_ERROR(LintBeforeRun(steps, run.allow_unsafe));
    STRATA_RETURN_IF_ERROR(driver_->EnsureLedger());
    engine::LedgerWriter ledger(*driver_, std::move(session.entries), options_.actor);
    return engine::ExecutePlan(*driver_, ledger, steps, run, options_.listener);
  }

  // Lint with what the live database knows; engines without table estimates
  // (SQLite) are not linted: the rules are PostgreSQL's.
  Result<std::vector<LintFinding>> LintLive(const std::vector<size_t>& indexes) {
    // Only engines with table estimates (PostgreSQL) are linted: the rules
    // are PostgreSQL's.
    auto tables = driver_->EstimateTables();
    if (!tables.ok()) {
      if (tables.status().code() != Code::kUnsupported) return tables.status();
      return Status(Code::kUnsupported,
                    "lint against a database needs PostgreSQL (the rules are PostgreSQL's); "
                    "run 'strata lint' to lint the files");
    }
    LintOptions lint_options = options_.lint;
    lint_options.live_tables = std::move(*tables);
    // strata runs each statement with lock_timeout = ddl_lock_timeout.
    lint_options.runner_sets_lock_timeout = options_.ddl_lock_timeout.count() > 0;
    lint::Linter linter(lint_options);
    return engine::LintUpParts(graph_, indexes, linter);
  }

  Status LintBeforeRun(std::vector<engine::PreparedStep>& steps, bool allow_unsafe) {
    std::vector<size_t> indexes;
    for (const engine::PreparedStep& step : steps) {
      if (step.step.direction == Direction::kUp) {
        indexes.push_back(static_cast<size_t>(graph_.IndexOf(step.step.migration_id)));
      }
    }
    if (indexes.empty()) return Status::Ok();
    auto linted = LintLive(indexes);
    if (!linted.ok() && linted.status().code() == Code::kUnsupported) return Status::Ok();
    STRATA_ASSIGN_OR_RETURN(std::vector<LintFinding> findings, std::move(linted));
    const LintFinding* first_error = nullptr;
    int errors = 0;
    for (const LintFinding& finding : findings) {
      if (options_.listener) {
        Event event{EventKind::kLintFinding,
                    finding.migration_id,
                    Direction::kUp,
                    0,
                    0,
                    0,
                    finding.message,
                    finding};
        options_.listener(event);
      }
      if (finding.severity != LintSeverity::kError) continue;
      ++errors;
      if (first_error == nullptr) first_error = &finding;
      for (engine::PreparedStep& step : steps) {
        if (step.step.migration_id != finding.migration_id) continue;
        step.note += fmt::format("{}allowed unsafe: {} at line {}", step.note.empty() ? "" : "; ",
                                 finding.rule, finding.line);
      }
    }
    if (first_error == nullptr || allow_unsafe) return Status::Ok();
    Status status(Code::kUnsafeMigration,
                  fmt::format("lint found {} error-level hazard{} in the pending migrations "
                              "(first: {} in {}); nothing was run. Fix them, silence a reviewed "
                              "one with '-- strata:ignore {} -- reason', or run with "
                              "--allow-unsafe",
                              errors, errors == 1 ? "" : "s", first_error->rule,
                              first_error->migration_id, first_error->rule));
    status.mutable_context().migration_id = first_error->migration_id;
    status.mutable_context().file = first_error->file;
    status.mutable_context().line = first_error->line;
    status.mutable_context().column = first_error->column;
    return status;
  }

  Result<RunReport> Stamp(const std::string& id) {
    LockGuard lock(*driver_);
    STRATA_RETURN_IF_ERROR(lock.Acquire(options_.lock_timeout, options_.listener));
    STRATA_ASSIGN_OR_RETURN(Session session, OpenSession());
    STRATA_ASSIGN_OR_RETURN(std::vector<PlanStep> plan,
                            model::PlanOperation(graph_, session.state, Operation::Goto(id)));
    RunReport report;
    report.plan = plan;
    if (plan.empty()) return report;
    STRATA_RETURN_IF_ERROR(driver_->EnsureLedger());
    engine::LedgerWriter ledger(*driver_, std::move(session.entries), options_.actor);
    STRATA_RETURN_IF_ERROR(driver_->Begin());
    for (const PlanStep& step : plan) {
      const model::Migration& m = graph_.at(static_cast<size_t>(graph_.IndexOf(step.migration_id)));
      LedgerEvent event =
          step.direction == Direction::kUp ? LedgerEvent::kStamped : LedgerEvent::kUnstamped;
      Status status = ledger.Append(ledger.Next(m, event, step.direction));
      if (!status.ok()) {
        (void)driver_->Rollback();
        return status;
      }
    }
    STRATA_RETURN_IF_ERROR(driver_->Commit());
    STRATA_RETURN_IF_ERROR(driver_->Sync());
    for (size_t i = 0; i < plan.size(); ++i) {
      Emit(EventKind::kRecorded, plan[i], static_cast<int>(i), static_cast<int>(plan.size()));
    }
    report.completed = static_cast<int>(plan.size());
    return report;
  }

  Status Repair(const std::string& id, Resolution resolution, const std::string& note) {
    LockGuard lock(*driver_);
    STRATA_RETURN_IF_ERROR(lock.Acquire(options_.lock_timeout, options_.listener));
    STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, driver_->ReadLedger());
    model::LedgerFold fold = model::FoldLedger(entries);
    if (!fold.dirty) {
      return Status(Code::kInvalidArgument, "the database is not dirty: nothing to repair");
    }
    if (fold.dirty->migration_id != id) {
      return Status(Code::kInvalidArgument, fmt::format("'{}' is not the dirty migration; '{}' is",
                                                        id, fold.dirty->migration_id));
    }
    int index = graph_.IndexOf(id);
    if (index < 0) {
      return Status(Code::kNotFound, fmt::format("migration '{}' is not in the directory", id));
    }
    engine::LedgerWriter ledger(*driver_, std::move(entries), options_.actor);
    const bool applied = resolution == Resolution::kApplied;
    LedgerEntry row =
        ledger.Next(graph_.at(static_cast<size_t>(index)),
                    applied ? LedgerEvent::kRepairedApplied : LedgerEvent::kRepairedReverted,
                    applied ? Direction::kUp : Direction::kDown, 0, note);
    STRATA_RETURN_IF_ERROR(driver_->Begin());
    Status status = ledger.Append(row);
    if (status.ok()) status = driver_->Commit();
    if (!status.ok()) {
      (void)driver_->Rollback();
      return status;
    }
    STRATA_RETURN_IF_ERROR(driver_->Sync());
    Emit(EventKind::kRecorded, {id, row.direction, true}, 0, 1);
    return Status::Ok();
  }

  Result<std::vector<LedgerEntry>> History() { return driver_->ReadLedger(); }

  Result<AuditReport> Audit(const std::string& expect_head) {
    STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, driver_->ReadLedger());
    STRATA_RETURN_IF_ERROR(model::VerifyChain(entries));
    AuditReport report;
    report.rows = static_cast<int64_t>(entries.size());
    if (!entries.empty()) report.head = entries.back().row_hash;
    if (!expect_head.empty()) {
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const LedgerEntry& e) { return e.row_hash == expect_head; });
      if (it == entries.end()) {
        return Status(Code::kLedgerCorrupt,
                      fmt::format("the ledger does not contain the expected head {}: rows were "
                                  "removed from its end or history was rewritten",
                                  expect_head));
      }
      report.rows_after_expected_head = static_cast<int64_t>(entries.end() - it - 1);
    }
    return report;
  }

  Result<ValidationReport> Validate(bool single_head, bool check_database) {
    ValidationReport report;
    report.migrations = static_cast<int>(graph_.size());
    report.heads = graph_.Heads();
    std::vector<Problem> problems;
    for (const model::Migration& m : graph_.migrations()) {
      auto body = source::LoadMigrationBody(m);
      if (!body.ok()) {
        problems.push_back({m.path, 0, body.status().message()});
        continue;
      }
      for (Direction d : {Direction::kUp, Direction::kDown}) {
        if (d == Direction::kDown && !m.has_down) continue;
        auto split = engine::SplitPart(*driver_, m, *body, d);
        if (!split.ok()) {
          problems.push_back({m.path, split.status().context().line, split.status().message(),
                              split.status().context().column});
        }
      }
      if (auto verify = engine::SplitVerifyPart(*driver_, m, *body); !verify.ok()) {
        problems.push_back({m.path, verify.status().context().line, verify.status().message(),
                            verify.status().context().column});
      }
    }
    if (!problems.empty()) {
      Status status(Code::kInvalidMigrations, problems[0].message);
      status.mutable_context().file = problems[0].file;
      status.mutable_context().line = problems[0].line;
      status.mutable_context().column = problems[0].column;
      return status.WithProblems(std::move(problems));
    }
    if (single_head && report.heads.size() > 1) {
      return Status(Code::kMultipleHeads,
                    fmt::format("{} heads: {}; join them with 'strata merge'", report.heads.size(),
                                fmt::join(report.heads, ", ")));
    }
    if (check_database) {
      STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, driver_->ReadLedger());
      model::LedgerFold fold = model::FoldLedger(entries);
      std::vector<Problem> history = model::CheckHistory(graph_, fold);
      if (!history.empty()) return HistoryError(std::move(history));
      report.database_checked = true;
      if (options_.lint_before_up) {
        auto lint = LintPending();
        if (lint.ok()) {
          report.lint = std::move(lint->findings);
        } else if (lint.status().code() != Code::kUnsupported) {
          return lint.status();
        }
      }
    }
    return report;
  }

 private:
  void Emit(EventKind kind, const PlanStep& step, int index, int count) {
    if (options_.listener) {
      options_.listener(Event{kind, step.migration_id, step.direction, index, count, 0, {}, {}});
    }
  }

  MigratorOptions options_;
  model::RevisionGraph graph_;
  std::unique_ptr<Driver> driver_;
};

DriverOptions DriverOptionsFor(const MigratorOptions& options) {
  DriverOptions driver;
  driver.ledger_table = options.ledger_table;
  driver.ledger_schema = options.ledger_schema;
  driver.ddl_lock_timeout = options.ddl_lock_timeout;
  driver.lock_mode = options.lock_mode;
  return driver;
}

Result<std::unique_ptr<Migrator>> Migrator::Open(const MigratorOptions& options) {
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> driver,
                          OpenDriver(options.url, DriverOptionsFor(options)));
  return Open(options, std::move(driver));
}

Result<std::unique_ptr<Migrator>> Migrator::Open(const MigratorOptions& options,
                                                 std::unique_ptr<Driver> driver) {
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph,
                          source::ReadMigrationDirectory(options.migrations_dir));
  auto impl = std::make_unique<Impl>(options, std::move(graph), std::move(driver));
  return std::unique_ptr<Migrator>(new Migrator(std::move(impl)));
}

Migrator::Migrator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Migrator::~Migrator() = default;

Result<StatusReport> Migrator::GetStatus() { return impl_->GetStatus(); }
Result<std::vector<PlanStep>> Migrator::Plan(const Operation& op) { return impl_->Plan(op); }
Result<std::string> Migrator::Script(const Operation& op, const RunOptions& run) {
  return impl_->Script(op, run);
}
Result<RunReport> Migrator::Run(const Operation& op, const RunOptions& run) {
  return impl_->Run(op, run);
}
Result<RunReport> Migrator::Stamp(const std::string& id) { return impl_->Stamp(id); }
Status Migrator::Repair(const std::string& id, Resolution resolution, const std::string& note) {
  return impl_->Repair(id, resolution, note);
}
Result<std::vector<LedgerEntry>> Migrator::History() { return impl_->History(); }
Result<AuditReport> Migrator::Audit(const std::string& expect_head) {
  return impl_->Audit(expect_head);
}
Result<ValidationReport> Migrator::Validate(bool single_head, bool check_database) {
  return impl_->Validate(single_head, check_database);
}

Result<LintReport> Migrator::LintPending() { return impl_->LintPending(); }

}  // namespace strata

namespace strata {

const char* EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kLockWaiting:
      return "lock_waiting";
    case EventKind::kLockAcquired:
      return "lock_acquired";
    case EventKind::kMigrationStarted:
      return "migration_started";
    case EventKind::kMigrationFinished:
      return "migration_finished";
    case EventKind::kMigrationFailed:
      return "migration_failed";
    case EventKind::kRecorded:
      return "recorded";
    case EventKind::kRetrying:
      return "retrying";
    case EventKind::kLintFinding:
      return "lint_finding";
  }
  return "unknown";
}

}  // namespace strata
