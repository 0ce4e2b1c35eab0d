// Drift: how a live database differs from the schema its own ledger says it
// should have. The migrations the ledger records as applied are run, in the
// ledger's order, on a scratch database (engine/scratch_runner.h); both
// schemas are inspected and compared. Reads the target database only.
#pragma once

#include <string>
#include <vector>

#include "schema/diff.h"
#include "strata/strata.h"

namespace strata::engine {

struct DriftReport {
  std::string url;                   // the live database, redacted
  std::vector<std::string> applied;  // what was rebuilt, in ledger order
  // Why the rebuilt schema may not be exactly what ran: applied migrations
  // whose file is gone or was edited since, a dirty ledger.
  std::vector<Problem> warnings;
  // From the expected schema to the live one: "added" exists only live.
  std::vector<schema::Difference> differences;
};

// The scratch database goes where options.scratch_url says. kConnection / kSqlError from either
// database; a migration that fails on the scratch database fails the whole check with its error.
Result<DriftReport> DetectDrift(const MigratorOptions& options);

}  // namespace strata::engine
