// `strata test rollback`: proves, migration by migration, that each down part
// restores the schema its up part found, and that the up part runs again
// after it. Everything happens on a scratch database (engine/scratch_runner.h);
// the configured database is only the place next to which it is created.
//
// For each migration in plan order: S0 is the schema before it; up, inspect
// (S1); down, inspect, compare with S0; up again, inspect, compare with S1.
// A failure does not end the run. A transactional step that fails leaves the
// schema as it was, so the run goes on from there; any other failure leaves
// it unknown, so the scratch database is rebuilt from the migrations applied
// so far (one rebuild per such failure).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "schema/diff.h"
#include "strata/strata.h"

namespace strata::engine {

enum class RollbackVerdict {
  kOk,
  kNoDown,       // nothing to test; counts as a failure unless allowed
  kUpFails,      // the migration itself does not apply
  kDownFails,    // the down part fails
  kDownDiffers,  // the down part runs but leaves a different schema
  kReupFails,    // up fails after down
  kReupDiffers,  // up after down gives a different schema than the first up
  kSkipped,      // an ancestor's up part failed, so this one cannot run
  kNotTested,    // before --from: applied only, to reach the tested range
};

// "ok", "no_down", "up_fails", "down_fails", "down_differs", "reup_fails",
// "reup_differs", "skipped", "not_tested".
const char* RollbackVerdictName(RollbackVerdict verdict);

struct RollbackResult {
  std::string migration_id;
  std::string file;
  RollbackVerdict verdict = RollbackVerdict::kOk;
  bool failed = false;  // counts against the run
  Status error;         // *Fails: the database's message, file:line
  std::string note;     // kSkipped: which ancestor failed
  // kDownDiffers: from S0 to the schema after down; kReupDiffers: from S1
  // to the schema after the second up.
  std::vector<schema::Difference> differences;
  int64_t duration_ms = 0;
};

struct RollbackTestOptions {
  std::string from;            // first migration to test (id or prefix); empty: the first
  std::string to;              // last migration (id or prefix); empty: every head
  bool allow_no_down = false;  // a migration without a down part is not a failure
  // Called with each verdict as it is reached, for progress output.
  std::function<void(const RollbackResult&)> on_result;
};

struct RollbackReport {
  std::vector<RollbackResult> results;  // plan order
  int failures = 0;
  int rebuilds = 0;  // times the scratch database was rebuilt after a failure
  int64_t duration_ms = 0;
};

// kNotFound / kInvalidArgument for an unknown --from/--to, kInvalidArgument
// when --from is not in the plan to --to; scratch database errors as
// ScratchDatabase::Create reports them. Migration failures are verdicts,
// not errors.
Result<RollbackReport> TestRollback(const MigratorOptions& options,
                                    const RollbackTestOptions& test);

}  // namespace strata::engine
