// Planning: which migrations to apply or revert, and in what order, to carry
// out an Operation from a given applied state. Pure functions of the graph and
// the state; the engine computes the state from the ledger under the lock.
//
// Invariants of every plan (checked by the randomized tests):
//  - an applied step's parents are applied before it;
//  - a reverted step has no applied child left when it is reverted, so a plan
//    never reverts a migration that another applied migration depends on.
#pragma once

#include <cstdint>
#include <vector>

#include "model/revision_graph.h"
#include "strata/result.h"
#include "strata/strata.h"

namespace strata::model {

struct AppliedState {
  std::vector<bool> applied;         // by graph index
  std::vector<int64_t> applied_seq;  // ledger seq of the row that applied it; 0 if not
};

Result<std::vector<PlanStep>> PlanOperation(const RevisionGraph& graph, const AppliedState& state,
                                            const Operation& operation);

// The plan's effect on `state`, for tests and for stamping.
AppliedState ApplyPlan(const RevisionGraph& graph, AppliedState state,
                       const std::vector<PlanStep>& plan);

}  // namespace strata::model
