#include "engine/drift.h"

#include <fmt/format.h>

#include "drivers/registry/inspector_registry.h"
#include "engine/scratch_runner.h"
#include "model/ledger.h"
#include "source/directory_reader.h"

namespace strata::engine {

Result<DriftReport> DetectDrift(const MigratorOptions& options) {
  STRATA_ASSIGN_OR_RETURN(model::RevisionGraph graph,
                          source::ReadMigrationDirectory(options.migrations_dir));
  const DriverOptions driver_options = DriverOptionsFor(options);
  // The inspector first: it refuses an SQLite file that does not exist
  // instead of creating an empty one.
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<schema::Inspector> inspector,
                          drivers::OpenInspector(options.url, driver_options));
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Driver> live, OpenDriver(options.url, driver_options));
  DriftReport report;
  report.url = live->redacted_url();

  STRATA_ASSIGN_OR_RETURN(std::vector<LedgerEntry> entries, live->ReadLedger());
  const model::LedgerFold fold = model::FoldLedger(entries);
  if (fold.dirty) {
    report.warnings.push_back(
        {"", 0,
         fmt::format("the ledger is dirty: '{}' {} and may have changed the schema halfway",
                     fold.dirty->migration_id,
                     fold.dirty->event == LedgerEvent::kStarted ? "was interrupted" : "failed")});
  }
  for (const Problem& problem : model::CheckHistory(graph, fold)) {
    report.warnings.push_back(problem);
  }
  std::vector<size_t> indexes;
  for (const std::string& id : model::AppliedInLedgerOrder(fold)) {
    const int index = graph.IndexOf(id);
    // CheckHistory has said why; the rebuilt schema lacks what it made.
    if (index < 0) continue;
    indexes.push_back(static_cast<size_t>(index));
    report.applied.push_back(id);
  }

  STRATA_ASSIGN_OR_RETURN(std::string server, ScratchServerFor(options, options.url));
  STRATA_ASSIGN_OR_RETURN(std::unique_ptr<ScratchRunner> scratch,
                          ScratchRunner::Create(options, graph, server));
  if (Status run = scratch->RunUp(indexes); !run.ok()) {
    return Status(run.code(),
                  "rebuilding the expected schema on a scratch database: " + run.message(),
                  run.context());
  }
  STRATA_ASSIGN_OR_RETURN(schema::Catalog expected, scratch->Inspect());
  STRATA_ASSIGN_OR_RETURN(schema::Catalog actual, inspector->Inspect());
  report.differences = schema::Diff(expected, actual);
  return report;
}

}  // namespace strata::engine
