#include "engine/executor.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <optional>
#include <thread>

#include "base/clock.h"
#include "base/strings.h"
#include "sql/statement_text.h"

namespace strata::engine {

namespace {

LedgerEvent DoneEvent(Direction d) {
  return d == Direction::kUp ? LedgerEvent::kApplied : LedgerEvent::kReverted;
}

// Adds the location of statement `index` of `part` (the step's statements or
// its verify statements) to a driver error.
Status Locate(Status status, const PreparedStep& step, size_t index,
              const std::vector<Statement>* part = nullptr) {
  const Statement& statement = (part != nullptr ? *part : step.statements)[index];
  ErrorContext& ctx = status.mutable_context();
  ctx.migration_id = step.migration->id;
  ctx.file = step.migration->path;
  ctx.statement_index = static_cast<int>(index);
  sql::LocateInStatement(ctx, statement);
  return status;
}

// The engines' notion of a boolean, on the text a driver returns:
// PostgreSQL's 't'/'f' (and 'true'/'false'), SQLite's numbers (non-zero is
// true). nullopt for text that is neither.
std::optional<bool> AsBoolean(std::string_view text) {
  std::string value(base::Trim(text));
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "t" || value == "true") return true;
  if (value == "f" || value == "false") return false;
  char* end = nullptr;
  const double number = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || number != number) return std::nullopt;  // NaN too
  return number != 0;
}

// Why a verify statement's outcome is not a pass; empty when it is one.
std::string VerifyProblem(const FirstRow& first) {
  if (!first.has_result_set) return {};  // a command: succeeding is the check
  if (!first.row) return "the query returned no rows";
  if (first.row->empty()) return "the query returned no columns";
  const std::optional<std::string>& value = first.row->front();
  if (!value) return "the query returned NULL";
  const std::optional<bool> verdict = AsBoolean(*value);
  if (!verdict) return fmt::format("the query returned '{}', which is not a boolean", *value);
  return *verdict ? std::string() : "the query returned false";
}

// Runs the step's verify statements in order; the first that errors or does
// not pass fails the step, located at that statement.
Status RunVerify(Driver& driver, const PreparedStep& step) {
  for (size_t i = 0; i < step.verify.size(); ++i) {
    auto first = driver.QueryFirstRow(step.verify[i].text);
    Status status;
    if (!first.ok()) {
      status = Status(first.status().code(), "verify failed: " + first.status().message(),
                      first.status().context());
    } else if (std::string problem = VerifyProblem(*first); !problem.empty()) {
      status = Status(Code::kVerifyFailed, "verify failed: " + problem);
    }
    if (!status.ok()) return Locate(std::move(status), step, i, &step.verify);
  }
  return Status::Ok();
}

// What the ledger records about a failure: the message and any hint.
std::string FailureText(const Status& status) {
  const std::string& hint = status.context().hint;
  return hint.empty() ? status.message() : status.message() + "\nHINT: " + hint;
}

Status RunStatements(Driver& driver, const PreparedStep& step) {
  for (size_t i = 0; i < step.statements.size(); ++i) {
    Status status = driver.Execute(step.statements[i].text);
    if (!status.ok()) return Locate(std::move(status), step, i);
  }
  return Status::Ok();
}

class Runner {
 public:
  Runner(Driver& driver, LedgerWriter& ledger, const EventListener& listener, int step_count)
      : driver_(driver), ledger_(ledger), listener_(listener), step_count_(step_count) {}

  void Emit(EventKind kind, const PreparedStep& step, int index, int64_t ms = 0,
            std::string message = {}) const {
    if (!listener_) return;
    listener_(Event{kind,
                    step.migration->id,
                    step.step.direction,
                    index,
                    step_count_,
                    ms,
                    std::move(message),
                    {}});
  }

  // Records a failed transactional migration after its rollback, in a
  // transaction of its own: history only, the state is unchanged.
  void RecordRolledBackFailure(const PreparedStep& step, int64_t ms, const Status& error) {
    // Best effort: the failure itself is what the caller reports.
    (void)Commit(ledger_.Next(*step.migration, LedgerEvent::kFailed, step.step.direction, ms,
                              FailureText(error)));
  }

  Status RunTransactional(const PreparedStep& step, int index) {
    const auto start = std::chrono::steady_clock::now();
    // Two round trips on drivers that batch: the body, then the ledger row
    // with the commit (the row records the body's duration, so it cannot
    // travel with it).
    Status status = RunBatch(step, /*open_transaction=*/true);
    if (status.ok()) status = RunVerify(driver_, step);
    if (status.ok()) {
      status = ledger_.AppendAndCommit(ledger_.Next(*step.migration, DoneEvent(step.step.direction),
                                                    step.step.direction, base::MillisSince(start),
                                                    step.note));
    }
    if (!status.ok()) {
      (void)driver_.Rollback();
      ledger_.MarkRolledBack();
      RecordRolledBackFailure(step, base::MillisSince(start), status);
      Emit(EventKind::kMigrationFailed, step, index, base::MillisSince(start), status.message());
      return status;
    }
    Emit(EventKind::kMigrationFinished, step, index, base::MillisSince(start));
    return Status::Ok();
  }

  Status RunWithoutTransaction(const PreparedStep& step, int index) {
    const auto start = std::chrono::steady_clock::now();
    // "started" is committed before the first statement, so a process killed
    // halfway leaves a row that marks the database dirty.
    STRATA_RETURN_IF_ERROR(
        Commit(ledger_.Next(*step.migration, LedgerEvent::kStarted, step.step.direction)));
    Status status = RunStatements(driver_, step);
    if (status.ok()) status = RunVerify(driver_, step);
    if (!status.ok()) {
      (void)Commit(ledger_.Next(*step.migration, LedgerEvent::kFailed, step.step.direction,
                                base::MillisSince(start), FailureText(status)));
      Emit(EventKind::kMigrationFailed, step, index, base::MillisSince(start), status.message());
      return status;
    }
    STRATA_RETURN_IF_ERROR(
        Commit(ledger_.Next(*step.migration, DoneEvent(step.step.direction), step.step.direction,
                            base::MillisSince(start), step.note)));
    Emit(EventKind::kMigrationFinished, step, index, base::MillisSince(start));
    return Status::Ok();
  }

  // One ledger row in its own transaction.
  Status Commit(const LedgerEntry& row) {
    Status status = driver_.Begin();
    if (status.ok()) status = ledger_.AppendAndCommit(row);
    if (!status.ok()) {
      (void)driver_.Rollback();
      ledger_.MarkRolledBack();
    }
    return status;
  }

  Status RunBatch(const PreparedStep& step, bool open_transaction) {
    Status status = driver_.ExecuteBatch(step.statements, open_transaction);
    const int failed = status.context().statement_index;
    if (!status.ok() && failed >= 0 && static_cast<size_t>(failed) < step.statements.size()) {
      return Locate(std::move(status), step, static_cast<size_t>(failed));
    }
    return status;
  }

  Status RunAllInOne(const std::vector<PreparedStep>& steps, RunReport& report) {
    const auto start = std::chrono::steady_clock::now();
    STRATA_RETURN_IF_ERROR(driver_.Begin());
    for (size_t i = 0; i < steps.size(); ++i) {
      const PreparedStep& step = steps[i];
      const int index = static_cast<int>(i);
      Emit(EventKind::kMigrationStarted, step, index);
      const auto step_start = std::chrono::steady_clock::now();
      Status status = RunBatch(step, /*open_transaction=*/false);
      if (status.ok()) status = RunVerify(driver_, step);
      if (status.ok()) {
        status = ledger_.Append(ledger_.Next(*step.migration, DoneEvent(step.step.direction),
                                             step.step.direction, base::MillisSince(step_start),
                                             step.note));
      }
      if (!status.ok()) {
        (void)driver_.Rollback();
        ledger_.MarkRolledBack();
        RecordRolledBackFailure(step, base::MillisSince(start), status);
        Emit(EventKind::kMigrationFailed, step, index, base::MillisSince(step_start),
             status.message());
        return status;
      }
      Emit(EventKind::kMigrationFinished, step, index, base::MillisSince(step_start));
    }
    Status status = driver_.Commit();
    if (!status.ok()) {
      (void)driver_.Rollback();
      ledger_.MarkRolledBack();
      return status;
    }
    ledger_.MarkCommitted();
    report.completed = static_cast<int>(steps.size());
    return Status::Ok();
  }

 private:
  Driver& driver_;
  LedgerWriter& ledger_;
  const EventListener& listener_;
  int step_count_;
};

}  // namespace

Result<RunReport> ExecutePlan(Driver& driver, LedgerWriter& ledger,
                              const std::vector<PreparedStep>& steps, const RunOptions& options,
                              const EventListener& listener, bool sync) {
  RunReport report;
  const auto start = std::chrono::steady_clock::now();
  for (const PreparedStep& step : steps) report.plan.push_back(step.step);
  if (steps.empty()) return report;
  Runner runner(driver, ledger, listener, static_cast<int>(steps.size()));
  Status status;
  if (options.single_transaction) {
    status = runner.RunAllInOne(steps, report);
  } else {
    for (size_t i = 0; i < steps.size() && status.ok(); ++i) {
      const int index = static_cast<int>(i);
      runner.Emit(EventKind::kMigrationStarted, steps[i], index);
      if (!steps[i].step.transactional) {
        status = runner.RunWithoutTransaction(steps[i], index);
      } else {
        auto backoff = options.retry_backoff;
        for (int attempt = 0;; ++attempt) {
          status = runner.RunTransactional(steps[i], index);
          if (status.ok() || !status.context().retryable || attempt >= options.lock_retries) break;
          // Nothing of the attempt is left (it rolled back): waiting and
          // running it again is safe.
          runner.Emit(EventKind::kRetrying, steps[i], index, backoff.count(),
                      fmt::format("lock timeout ({}); retry {} of {} in {} ms", status.message(),
                                  attempt + 1, options.lock_retries, backoff.count()));
          std::this_thread::sleep_for(backoff);
          backoff = std::min(backoff * 2, std::chrono::milliseconds(60000));
        }
      }
      if (status.ok()) ++report.completed;
    }
  }
  // Durability for everything committed so far, including failure rows.
  Status synced = sync ? driver.Sync() : Status::Ok();
  if (!status.ok()) return status;
  STRATA_RETURN_IF_ERROR(synced);
  report.duration_ms = base::MillisSince(start);
  return report;
}

}  // namespace strata::engine
