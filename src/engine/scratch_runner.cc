#include "engine/scratch_runner.h"

#include "drivers/registry/inspector_registry.h"
#include "engine/executor.h"
#include "engine/prepared_plan.h"

namespace strata::engine {

namespace {

DriverOptions ScratchDriverOptions(const MigratorOptions& options) {
  DriverOptions driver = DriverOptionsFor(options);
  // Nothing else uses a scratch database: no lock can be waited for.
  driver.ddl_lock_timeout = std::chrono::milliseconds(0);
  return driver;
}

}  // namespace

ScratchRunner::ScratchRunner(const MigratorOptions& options, const model::RevisionGraph& graph,
                             std::string server_url)
    : options_(options), graph_(graph), server_url_(std::move(server_url)) {}

ScratchRunner::~ScratchRunner() { Close(); }

Result<std::unique_ptr<ScratchRunner>> ScratchRunner::Create(const MigratorOptions& options,
                                                             const model::RevisionGraph& graph,
                                                             const std::string& server_url) {
  std::unique_ptr<ScratchRunner> runner(new ScratchRunner(options, graph, server_url));
  STRATA_RETURN_IF_ERROR(runner->Open());
  return runner;
}

Status ScratchRunner::Open() {
  STRATA_ASSIGN_OR_RETURN(scratch_, ScratchDatabase::Create(server_url_));
  const DriverOptions driver_options = ScratchDriverOptions(options_);
  STRATA_ASSIGN_OR_RETURN(driver_, OpenDriver(scratch_->url(), driver_options));
  // The lock lets a driver choose its cheap commit mode (SQLite: WAL without
  // a sync per commit); nobody else can hold it.
  STRATA_RETURN_IF_ERROR(driver_->Lock(std::chrono::milliseconds(1000), nullptr));
  STRATA_RETURN_IF_ERROR(driver_->EnsureLedger());
  ledger_ = std::make_unique<LedgerWriter>(*driver_, std::vector<LedgerEntry>{}, "strata scratch");
  STRATA_ASSIGN_OR_RETURN(inspector_, drivers::NewInspector(*driver_, driver_options));
  return Status::Ok();
}

void ScratchRunner::Close() {
  inspector_.reset();
  ledger_.reset();
  driver_.reset();
  scratch_.reset();
}

Status ScratchRunner::Run(size_t index, Direction direction) {
  const model::Migration& migration = graph_.at(index);
  const std::vector<PlanStep> plan = {{migration.id, direction, migration.transactional}};
  STRATA_ASSIGN_OR_RETURN(std::vector<PreparedStep> steps,
                          PrepareSteps(*driver_, graph_, plan, /*single_transaction=*/false));
  return ExecutePlan(*driver_, *ledger_, steps, RunOptions{}, nullptr, /*sync=*/false).status();
}

Status ScratchRunner::RunUp(const std::vector<size_t>& indexes) {
  std::vector<PlanStep> plan;
  plan.reserve(indexes.size());
  for (size_t index : indexes) {
    const model::Migration& migration = graph_.at(index);
    plan.push_back({migration.id, Direction::kUp, migration.transactional});
  }
  STRATA_ASSIGN_OR_RETURN(std::vector<PreparedStep> steps,
                          PrepareSteps(*driver_, graph_, plan, /*single_transaction=*/false));
  return ExecutePlan(*driver_, *ledger_, steps, RunOptions{}, nullptr, /*sync=*/false).status();
}

Result<schema::Catalog> ScratchRunner::Inspect() { return inspector_->Inspect(); }

Result<SchemaState> ScratchRunner::Capture() {
  SchemaState state;
  Result<std::string> snapshot = inspector_->Snapshot();
  if (snapshot.ok()) {
    state.snapshot = std::move(snapshot).value();
    return state;
  }
  if (snapshot.status().code() != Code::kUnsupported) return snapshot.status();
  STRATA_ASSIGN_OR_RETURN(state.catalog, inspector_->Inspect());
  return state;
}

Status ScratchRunner::Rebuild(const std::vector<size_t>& applied) {
  Close();
  STRATA_RETURN_IF_ERROR(Open());
  return RunUp(applied);
}

}  // namespace strata::engine
