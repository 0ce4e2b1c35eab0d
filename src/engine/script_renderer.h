// Renders the exact SQL a plan would run (`--sql`), ledger writes included,
// in the same transaction layout the executor uses. Nothing is run.
#pragma once

#include <string>
#include <vector>

#include "engine/ledger_writer.h"
#include "engine/prepared_plan.h"

namespace strata::engine {

std::string RenderScript(const Driver& driver, LedgerWriter& ledger,
                         const std::vector<PreparedStep>& steps, bool single_transaction);

}  // namespace strata::engine
