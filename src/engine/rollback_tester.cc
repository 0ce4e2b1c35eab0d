#include "engine/rollback_tester.h"

#include <fmt/format.h>

#include <optional>

#include "base/clock.h"
#include "engine/scratch_runner.h"
#include "model/planner.h"
#include "source/directory_reader.h"

namespace strata::engine {

const char* RollbackVerdictName(RollbackVerdict verdict) {
  switch (verdict) {
    case RollbackVerdict::kOk:
      return "ok";
    case RollbackVerdict::kNoDown:
      return "no_down";
    case RollbackVerdict::kUpFails:
      return "up_fails";
    case RollbackVerdict::kDownFails:
      return "down_fails";
    case RollbackVerdict::kDownDiffers:
      return "down_differs";
    case RollbackVerdict::kReupFails:
      return "reup_fails";
    case RollbackVerdict::kReupDiffers:
      return "reup_differs";
    case RollbackVerdict::kSkipped:
      return "skipped";
    case RollbackVerdict::kNotTested:
      return "not_tested";
  }
  return "unknown";
}

namespace {

class Tester {
 public:
  Tester(const model::RevisionGraph& graph, ScratchRunner& scratch, const RollbackTestOptions& test,
         RollbackReport& report)
      : graph_(graph),
        scratch_(scratch),
        test_(test),
        report_(report),
        broken_(graph.size(), false) {}

  // Applies migration `index` without testing it (before --from).
  Status Reach(size_t index, RollbackResult& result) {
    if (Status up = scratch_.Run(index, Direction::kUp); !up.ok()) {
      return UpFailed(index, std::move(up), result);
    }
    applied_.push_back(index);
    before_.reset();  // the next tested migration inspects its own S0
    result.verdict = RollbackVerdict::kNotTested;
    return Status::Ok();
  }

  // Up, down, up again, with a schema comparison after each of the last two.
  // Schemas are compared by snapshot where the engine has one; only when two
  // snapshots differ are the catalogs read and diffed, the earlier one from a
  // scratch database rebuilt to that point. Only infrastructure errors
  // (inspect, rebuild) are returned.
  Status Test(size_t index, RollbackResult& result) {
    const model::Migration& migration = graph_.at(index);
    if (!before_) {
      STRATA_ASSIGN_OR_RETURN(before_, scratch_.Capture());
    }
    const SchemaState s0 = *before_;
    if (Status up = scratch_.Run(index, Direction::kUp); !up.ok()) {
      // The schema is S0 again: rolled back, or rebuilt without this one.
      return UpFailed(index, std::move(up), result);
    }
    applied_.push_back(index);
    STRATA_ASSIGN_OR_RETURN(SchemaState s1, scratch_.Capture());
    before_ = s1;  // whatever happens next, the next migration starts from S1
    if (!migration.has_down) {
      result.verdict = RollbackVerdict::kNoDown;
      result.failed = !test_.allow_no_down;
      return Status::Ok();
    }
    result.failed = true;
    if (Status down = scratch_.Run(index, Direction::kDown); !down.ok()) {
      result.verdict = RollbackVerdict::kDownFails;
      result.error = std::move(down);
      // A failed transactional down rolled back to S1; anything else may
      // have stopped halfway.
      return migration.transactional ? Status::Ok() : Rebuild();
    }
    STRATA_ASSIGN_OR_RETURN(SchemaState after_down, scratch_.Capture());
    if (!Same(s0, after_down)) {
      STRATA_ASSIGN_OR_RETURN(schema::Catalog down_catalog, CatalogOf(after_down));
      // Back to S0: without this migration.
      STRATA_RETURN_IF_ERROR(RebuildWithoutLast());
      STRATA_ASSIGN_OR_RETURN(schema::Catalog s0_catalog, CatalogOf(s0));
      std::vector<schema::Difference> undone = schema::Diff(s0_catalog, down_catalog);
      if (!undone.empty()) {
        result.verdict = RollbackVerdict::kDownDiffers;
        result.differences = std::move(undone);
        // Back to S1 for the migrations after this one.
        if (!scratch_.Run(index, Direction::kUp).ok()) return Rebuild();
        return Status::Ok();
      }
      // Equal catalogs in different words: the scratch database is at S0, as
      // after a down that restored it.
    }
    if (Status reup = scratch_.Run(index, Direction::kUp); !reup.ok()) {
      result.verdict = RollbackVerdict::kReupFails;
      result.error = std::move(reup);
      return Rebuild();
    }
    STRATA_ASSIGN_OR_RETURN(SchemaState after_reup, scratch_.Capture());
    if (!Same(s1, after_reup)) {
      STRATA_ASSIGN_OR_RETURN(schema::Catalog reup_catalog, CatalogOf(after_reup));
      STRATA_RETURN_IF_ERROR(Rebuild());  // back to S1
      STRATA_ASSIGN_OR_RETURN(schema::Catalog s1_catalog, CatalogOf(s1));
      std::vector<schema::Difference> redone = schema::Diff(s1_catalog, reup_catalog);
      if (!redone.empty()) {
        result.verdict = RollbackVerdict::kReupDiffers;
        result.differences = std::move(redone);
        return Status::Ok();
      }
    } else {
      before_ = std::move(after_reup);
    }
    result.verdict = RollbackVerdict::kOk;
    result.failed = false;
    return Status::Ok();
  }

  // The ancestor whose failure keeps `index` from running, if any.
  const model::Migration* BrokenParent(size_t index) {
    for (const std::string& parent : graph_.at(index).parents) {
      const int p = graph_.IndexOf(parent);
      if (p >= 0 && broken_[static_cast<size_t>(p)]) return &graph_.at(static_cast<size_t>(p));
    }
    return nullptr;
  }
  void MarkBroken(size_t index) { broken_[index] = true; }

 private:
  Status UpFailed(size_t index, Status error, RollbackResult& result) {
    result.verdict = RollbackVerdict::kUpFails;
    result.failed = true;
    result.error = std::move(error);
    broken_[index] = true;
    return graph_.at(index).transactional ? Status::Ok() : Rebuild();
  }

  // A fresh scratch database with everything applied so far.
  Status Rebuild() {
    ++report_.rebuilds;
    before_.reset();  // the next migration captures its own S0
    return scratch_.Rebuild(applied_);
  }

  // The same without the migration applied last (the one under test).
  Status RebuildWithoutLast() {
    ++report_.rebuilds;
    before_.reset();
    return scratch_.Rebuild(std::vector<size_t>(applied_.begin(), applied_.end() - 1));
  }

  // Equal snapshots, or equal catalogs where there are no snapshots. False
  // means "compare the catalogs", not yet "different".
  static bool Same(const SchemaState& a, const SchemaState& b) {
    if (a.snapshot && b.snapshot) return *a.snapshot == *b.snapshot;
    return a.catalog && b.catalog && schema::Diff(*a.catalog, *b.catalog).empty();
  }

  // The catalog of `state`, which must be the scratch database's state now
  // unless it carries its catalog.
  Result<schema::Catalog> CatalogOf(const SchemaState& state) {
    if (state.catalog) return *state.catalog;
    return scratch_.Inspect();
  }

  const model::RevisionGraph& graph_;
  ScratchRunner& scratch_;
  const RollbackTestOptions& test_;
  RollbackReport& report_;
  std::vector<bool> broken_;           // up failed, or an ancestor's did
  std::vector<size_t> applied_;        // what the scratch database holds, in order
  std::optional<SchemaState> before_;  // the schema now, when known
};

}  // namespace

Result<RollbackReport> TestRollback(const MigratorOptions& options,
                                    const RollbackTestOptions& test) {
  const auto start = std::chrono::steady_clock::now();
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph,
                          source::ReadMigrationDirectory(options.migrations_dir));
  model::AppliedState empty;
  empty.applied.assign(graph.size(), false);
  empty.applied_seq.assign(graph.size(), 0);
  STRATA_ASSIGN_OR_RETURN(
      std::vector<PlanStep> plan,
      model::PlanOperation(graph, empty,
                           test.to.empty() ? Operation::UpToHeads() : Operation::UpTo(test.to)));
  size_t first_tested = 0;
  if (!test.from.empty()) {
    STRATA_ASSIGN_OR_RETURN(size_t from, graph.Resolve(test.from));
    while (first_tested < plan.size() && plan[first_tested].migration_id != graph.at(from).id) {
      ++first_tested;
    }
    if (first_tested == plan.size()) {
      return Status(Code::kInvalidArgument,
                    fmt::format("--from '{}' is not among the migrations to test{}",
                                graph.at(from).id, test.to.empty() ? "" : " (up to --to)"));
    }
  }

  STRATA_ASSIGN_OR_RETURN(std::string server, ScratchServerFor(options, options.url));
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<ScratchRunner> scratch,
                          ScratchRunner::Create(options, graph, server));
  RollbackReport report;
  Tester tester(graph, *scratch, test, report);
  for (size_t pos = 0; pos < plan.size(); ++pos) {
    const auto step_start = std::chrono::steady_clock::now();
    const size_t index = static_cast<size_t>(graph.IndexOf(plan[pos].migration_id));
    RollbackResult result;
    result.migration_id = graph.at(index).id;
    result.file = graph.at(index).path;
    if (const model::Migration* parent = tester.BrokenParent(index)) {
      tester.MarkBroken(index);
      result.verdict = RollbackVerdict::kSkipped;
      result.failed = pos >= first_tested;
      result.note = fmt::format("not run: its parent '{}' cannot be applied", parent->id);
    } else if (pos < first_tested) {
      STRATA_RETURN_IF_ERROR(tester.Reach(index, result));
    } else {
      STRATA_RETURN_IF_ERROR(tester.Test(index, result));
    }
    result.duration_ms = base::MillisSince(step_start);
    if (result.failed) ++report.failures;
    if (test.on_result) test.on_result(result);
    report.results.push_back(std::move(result));
  }
  report.duration_ms = base::MillisSince(start);
  return report;
}

}  // namespace strata::engine
