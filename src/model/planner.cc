#include "model/planner.h"

#include <fmt/format.h>

#include <queue>
#include <tuple>

namespace strata::model {

namespace {

PlanStep Step(const RevisionGraph& graph, size_t index, Direction direction) {
  return {graph.at(index).id, direction, graph.at(index).transactional};
}

// Applies every migration in `wanted` that is not applied yet, in topological
// order. `wanted` must be closed under ancestors.
void AppendApplies(const RevisionGraph& graph, const AppliedState& state,
                   const std::vector<bool>& wanted, std::vector<PlanStep>& plan) {
  for (size_t i = 0; i < graph.size(); ++i) {
    if (wanted[i] && !state.applied[i]) plan.push_back(Step(graph, i, Direction::kUp));
  }
}

// Reverts every applied migration in `unwanted` (closed under descendants
// among applied ones), most recently applied first, never a migration that
// still has an applied child.
void AppendReverts(const RevisionGraph& graph, const AppliedState& state,
                   const std::vector<bool>& unwanted, std::vector<PlanStep>& plan) {
  const size_t n = graph.size();
  std::vector<size_t> applied_children(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!state.applied[i]) continue;
    for (size_t p : graph.parents(i)) ++applied_children[p];
  }
  // Ready = applied, unwanted, with no applied child. Priority: the latest
  // applied first, then the latest in topo order.
  using Key = std::tuple<int64_t, size_t>;
  std::priority_queue<Key> ready;
  for (size_t i = 0; i < n; ++i) {
    if (state.applied[i] && unwanted[i] && applied_children[i] == 0) {
      ready.emplace(state.applied_seq[i], i);
    }
  }
  while (!ready.empty()) {
    size_t i = std::get<1>(ready.top());
    ready.pop();
    plan.push_back(Step(graph, i, Direction::kDown));
    for (size_t p : graph.parents(i)) {
      if (--applied_children[p] == 0 && state.applied[p] && unwanted[p]) {
        ready.emplace(state.applied_seq[p], p);
      }
    }
  }
}

}  // namespace

Result<std::vector<PlanStep>> PlanOperation(const RevisionGraph& graph, const AppliedState& state,
                                            const Operation& op) {
  using TK = Operation::TargetKind;
  const size_t n = graph.size();
  std::vector<PlanStep> plan;
  int target = -1;
  if (op.target == TK::kRevision) {
    STRATA_ASSIGN_OR_RETURN(size_t index, graph.Resolve(op.revision));
    target = static_cast<int>(index);
  }
  if (op.target == TK::kRelative && op.count <= 0) {
    return Status(Code::kInvalidArgument, "a relative target needs a positive count");
  }

  switch (op.kind) {
    case Operation::Kind::kUp: {
      if (op.target == TK::kAll || op.target == TK::kHeads) {
        AppendApplies(graph, state, std::vector<bool>(n, true), plan);
      } else if (op.target == TK::kRevision) {
        AppendApplies(graph, state, graph.AncestorsOf(static_cast<size_t>(target)), plan);
      } else {
        // The first N pending migrations in topo order: their parents are
        // either applied or earlier in that same order.
        AppendApplies(graph, state, std::vector<bool>(n, true), plan);
        if (plan.size() > static_cast<size_t>(op.count)) plan.resize(op.count);
      }
      return plan;
    }
    case Operation::Kind::kDown: {
      if (op.target == TK::kHeads) {
        return Status(Code::kInvalidArgument, "down needs a target: an id, -N or --all");
      }
      if (op.target == TK::kRevision) {
        std::vector<bool> unwanted = graph.DescendantsOf(static_cast<size_t>(target));
        unwanted[target] = false;  // down to X keeps X applied
        if (!state.applied[target]) {
          return Status(Code::kInvalidArgument,
                        fmt::format("'{}' is not applied; down reverts to an applied migration",
                                    graph.at(target).id));
        }
        AppendReverts(graph, state, unwanted, plan);
      } else {
        AppendReverts(graph, state, std::vector<bool>(n, true), plan);
        if (op.target == TK::kRelative && plan.size() > static_cast<size_t>(op.count)) {
          plan.resize(op.count);  // any prefix of a valid revert order is valid
        }
      }
      return plan;
    }
    case Operation::Kind::kGoto: {
      if (op.target != TK::kRevision) {
        return Status(Code::kInvalidArgument, "goto needs a migration id");
      }
      std::vector<bool> wanted = graph.AncestorsOf(static_cast<size_t>(target));
      std::vector<bool> unwanted(n);
      for (size_t i = 0; i < n; ++i) unwanted[i] = !wanted[i];
      AppendReverts(graph, state, unwanted, plan);
      AppendApplies(graph, state, wanted, plan);
      return plan;
    }
  }
  return Status(Code::kInternal, "unknown operation");
}

AppliedState ApplyPlan(const RevisionGraph& graph, AppliedState state,
                       const std::vector<PlanStep>& plan) {
  int64_t seq = 0;
  for (int64_t s : state.applied_seq) seq = std::max(seq, s);
  for (const PlanStep& step : plan) {
    int index = graph.IndexOf(step.migration_id);
    if (index < 0) continue;
    bool up = step.direction == Direction::kUp;
    state.applied[index] = up;
    state.applied_seq[index] = up ? ++seq : 0;
  }
  return state;
}

}  // namespace strata::model
