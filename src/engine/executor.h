// Runs a prepared plan: each transactional migration in its own transaction
// together with its ledger row (or the whole plan in one transaction), each
// no-transaction migration bracketed by "started" and "applied"/"failed" rows.
#pragma once

#include <vector>

#include "engine/ledger_writer.h"
#include "engine/prepared_plan.h"
#include "strata/events.h"
#include "strata/strata.h"

namespace strata::engine {

// On failure the returned Status carries the migration, file:line and the
// database's message; the database holds every step before the failing one
// (none with `single_transaction`) and the ledger says so. `sync` false
// skips the final Driver::Sync(): for scratch databases, whose durability
// does not matter and whose runs are one step at a time.
Result<RunReport> ExecutePlan(Driver& driver, LedgerWriter& ledger,
                              const std::vector<PreparedStep>& steps, const RunOptions& options,
                              const EventListener& listener, bool sync = true);

}  // namespace strata::engine
