// Feeds migrations and scripts to the Linter: reads the files, decides how
// each runs (wrapped, no-transaction, plain script), and lints the up parts
// in the graph's order so that tables created earlier count as new.
#pragma once

#include <vector>

#include "lint/linter.h"
#include "model/revision_graph.h"
#include "strata/lint.h"

namespace strata::engine {

// Lints the up parts of graph.at(i) for each i in `indexes`, in that order.
Result<std::vector<LintFinding>> LintUpParts(const model::RevisionGraph& graph,
                                             const std::vector<size_t>& indexes,
                                             lint::Linter& linter);

}  // namespace strata::engine
