// Randomized property tests of PlanOperation and ApplyPlan. Each case is a
// random DAG (built from a fixed seed, so a failure names a reproducible seed)
// with a random ancestor-closed applied state; every plan is replayed step by
// step against a reference model of the graph built from the migrations'
// parent ids, and its end state is compared with what the operation means.
#include "model/planner.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "model/migration.h"
#include "model/revision_graph.h"
#include "strata/result.h"
#include "strata/strata.h"

namespace strata::model {
namespace {

using Mask = std::vector<bool>;

constexpr uint32_t kFirstSeed = 1;
constexpr uint32_t kRandomCases = 400;

Migration MakeMigration(const std::string& id, std::vector<std::string> parents,
                        bool transactional) {
  Migration m;
  m.id = id;
  m.path = id + ".sql";
  m.parents = std::move(parents);
  m.parents_line = 1;
  m.transactional = transactional;
  m.has_down = true;
  return m;
}

// Random DAG of `n` nodes: node k gets 0..3 distinct parents among nodes
// 0..k-1. Ids are random distinct "mNNN" labels, so id order says nothing
// about the shape, and the result is shuffled so input order does not either.
std::vector<Migration> RandomMigrations(std::mt19937& rng, int n) {
  std::vector<int> labels(1000);
  std::iota(labels.begin(), labels.end(), 0);
  std::shuffle(labels.begin(), labels.end(), rng);
  std::vector<Migration> ms;
  for (int k = 0; k < n; ++k) {
    std::vector<int> earlier(k);
    std::iota(earlier.begin(), earlier.end(), 0);
    std::shuffle(earlier.begin(), earlier.end(), rng);
    int count = std::uniform_int_distribution<int>(0, std::min(3, k))(rng);
    std::vector<std::string> parents;
    for (int j = 0; j < count; ++j) parents.push_back(ms[earlier[j]].id);
    bool transactional = std::uniform_int_distribution<int>(0, 3)(rng) != 0;
    ms.push_back(MakeMigration(fmt::format("m{:03d}", labels[k]), parents, transactional));
  }
  std::shuffle(ms.begin(), ms.end(), rng);
  return ms;
}

// Adjacency by graph index, rebuilt from the ids the migrations name as
// parents, so the checks do not trust the graph's own parents()/children().
struct Reference {
  std::vector<std::vector<size_t>> parents;
  std::vector<std::vector<size_t>> children;
};

Reference ReferenceOf(const RevisionGraph& graph) {
  Reference ref;
  ref.parents.resize(graph.size());
  ref.children.resize(graph.size());
  for (size_t i = 0; i < graph.size(); ++i) {
    for (const std::string& p : graph.at(i).parents) {
      int index = graph.IndexOf(p);
      EXPECT_GE(index, 0) << p;
      if (index < 0) continue;
      ref.parents[i].push_back(static_cast<size_t>(index));
      ref.children[index].push_back(i);
    }
  }
  return ref;
}

// Ancestors of `x`, `x` included, by a plain graph walk.
Mask RefAncestors(const Reference& ref, size_t x) {
  Mask mask(ref.parents.size(), false);
  std::vector<size_t> stack = {x};
  while (!stack.empty()) {
    size_t i = stack.back();
    stack.pop_back();
    if (mask[i]) continue;
    mask[i] = true;
    for (size_t p : ref.parents[i]) stack.push_back(p);
  }
  return mask;
}

Mask RefDescendants(const Reference& ref, size_t x) {
  Mask mask(ref.children.size(), false);
  std::vector<size_t> stack = {x};
  while (!stack.empty()) {
    size_t i = stack.back();
    stack.pop_back();
    if (mask[i]) continue;
    mask[i] = true;
    for (size_t c : ref.children[i]) stack.push_back(c);
  }
  return mask;
}

size_t Count(const Mask& mask) {
  return static_cast<size_t>(std::count(mask.begin(), mask.end(), true));
}

std::string MaskIds(const RevisionGraph& graph, const Mask& mask) {
  std::string out = "{";
  for (size_t i = 0; i < mask.size(); ++i) {
    if (!mask[i]) continue;
    if (out.size() > 1) out += " ";
    out += graph.at(i).id;
  }
  return out + "}";
}

// A reproducible picture of a case for failure messages: each node with its
// parents, and "*seq" when applied.
std::string Describe(const RevisionGraph& graph, const AppliedState& state) {
  std::string out;
  for (size_t i = 0; i < graph.size(); ++i) {
    out += graph.at(i).id;
    const std::vector<std::string>& parents = graph.at(i).parents;
    for (size_t k = 0; k < parents.size(); ++k) out += (k == 0 ? "<-[" : ",") + parents[k];
    if (!parents.empty()) out += "]";
    if (state.applied[i]) out += fmt::format("*{}", state.applied_seq[i]);
    out += " ";
  }
  return out;
}

std::string PlanText(const std::vector<PlanStep>& plan) {
  std::string out;
  for (const PlanStep& s : plan) {
    out += (s.direction == Direction::kUp ? "+" : "-") + s.migration_id + " ";
  }
  return out;
}

// Random ancestor-closed applied state: walking in topological order, a node
// may be applied (with probability `p`) only when all its parents are. Its
// applied_seq values follow a random linear extension of the applied nodes,
// with gaps, so a child is always applied after its parents, as in a ledger.
AppliedState RandomState(std::mt19937& rng, const RevisionGraph& graph, const Reference& ref) {
  const size_t n = graph.size();
  static constexpr double kProbabilities[] = {0.0, 0.3, 0.6, 0.85, 1.0};
  double p = kProbabilities[std::uniform_int_distribution<int>(0, 4)(rng)];
  std::bernoulli_distribution coin(p);
  AppliedState state{Mask(n, false), std::vector<int64_t>(n, 0)};
  for (size_t i = 0; i < n; ++i) {
    bool parents_applied = std::all_of(ref.parents[i].begin(), ref.parents[i].end(),
                                       [&](size_t q) { return state.applied[q]; });
    state.applied[i] = parents_applied && coin(rng);
  }
  int64_t seq = std::uniform_int_distribution<int64_t>(0, 100)(rng);
  Mask sequenced(n, false);
  while (true) {
    std::vector<size_t> ready;
    for (size_t i = 0; i < n; ++i) {
      if (!state.applied[i] || sequenced[i]) continue;
      if (std::all_of(ref.parents[i].begin(), ref.parents[i].end(),
                      [&](size_t q) { return sequenced[q]; })) {
        ready.push_back(i);
      }
    }
    if (ready.empty()) break;
    size_t pick = ready[std::uniform_int_distribution<size_t>(0, ready.size() - 1)(rng)];
    seq += std::uniform_int_distribution<int64_t>(1, 4)(rng);
    state.applied_seq[pick] = seq;
    sequenced[pick] = true;
  }
  return state;
}

// Replays `plan` from `state`, checking each step when it runs: an applied
// migration must be unapplied with all parents applied; a reverted one must be
// applied with no applied child. Also checks that ApplyPlan agrees and keeps
// applied_seq consistent. Returns the applied set after the plan.
Mask Simulate(const RevisionGraph& graph, const AppliedState& state,
              const std::vector<PlanStep>& plan) {
  const Reference ref = ReferenceOf(graph);
  Mask applied = state.applied;
  Mask touched(graph.size(), false);
  for (size_t k = 0; k < plan.size(); ++k) {
    const PlanStep& step = plan[k];
    SCOPED_TRACE(fmt::format("step {} of [{}]", k, PlanText(plan)));
    int index = graph.IndexOf(step.migration_id);
    if (index < 0) {
      ADD_FAILURE() << "plan names unknown migration " << step.migration_id;
      continue;
    }
    size_t i = static_cast<size_t>(index);
    touched[i] = true;
    EXPECT_EQ(step.transactional, graph.at(i).transactional) << step.migration_id;
    if (step.direction == Direction::kUp) {
      EXPECT_FALSE(applied[i]) << "applies " << step.migration_id << " twice";
      for (size_t p : ref.parents[i]) {
        EXPECT_TRUE(applied[p]) << "applies " << step.migration_id << " before its parent "
                                << graph.at(p).id;
      }
      applied[i] = true;
    } else {
      EXPECT_TRUE(applied[i]) << "reverts unapplied " << step.migration_id;
      for (size_t c : ref.children[i]) {
        EXPECT_FALSE(applied[c]) << "reverts " << step.migration_id << " under applied child "
                                 << graph.at(c).id;
      }
      applied[i] = false;
    }
  }

  AppliedState after = ApplyPlan(graph, state, plan);
  EXPECT_EQ(after.applied, applied)
      << "ApplyPlan " << MaskIds(graph, after.applied) << " vs replay " << MaskIds(graph, applied);
  if (after.applied_seq.size() != graph.size()) {
    ADD_FAILURE() << "ApplyPlan lost applied_seq entries";
    return applied;
  }
  for (size_t i = 0; i < graph.size(); ++i) {
    if (!touched[i]) {
      EXPECT_EQ(after.applied_seq[i], state.applied_seq[i]) << graph.at(i).id;
    }
    if (!applied[i]) {
      EXPECT_EQ(after.applied_seq[i], 0) << graph.at(i).id;
      continue;
    }
    EXPECT_GT(after.applied_seq[i], 0) << graph.at(i).id;
    for (size_t p : ref.parents[i]) {
      EXPECT_LT(after.applied_seq[p], after.applied_seq[i])
          << graph.at(p).id << " must be applied before " << graph.at(i).id;
    }
  }
  return applied;
}

bool SameSteps(const std::vector<PlanStep>& a, const std::vector<PlanStep>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].migration_id != b[i].migration_id || a[i].direction != b[i].direction ||
        a[i].transactional != b[i].transactional) {
      return false;
    }
  }
  return true;
}

size_t CountDirection(const std::vector<PlanStep>& plan, Direction direction) {
  return static_cast<size_t>(std::count_if(
      plan.begin(), plan.end(), [&](const PlanStep& s) { return s.direction == direction; }));
}

Operation UpAll() {
  Operation op;
  op.kind = Operation::Kind::kUp;
  op.target = Operation::TargetKind::kAll;
  return op;
}

// One random case: a graph, a second graph built from a reshuffled copy of the
// same migrations, and a starting state.
class RandomCase {
 public:
  explicit RandomCase(uint32_t seed) : rng_(seed) {
    int n = std::uniform_int_distribution<int>(1, 40)(rng_);
    std::vector<Migration> input = RandomMigrations(rng_, n);
    std::vector<Migration> reshuffled = input;
    std::shuffle(reshuffled.begin(), reshuffled.end(), rng_);
    Result<RevisionGraph> graph = RevisionGraph::Build(std::move(input));
    Result<RevisionGraph> twin = RevisionGraph::Build(std::move(reshuffled));
    EXPECT_TRUE(graph.ok()) << graph.status().ToString();
    EXPECT_TRUE(twin.ok()) << twin.status().ToString();
    if (!graph.ok() || !twin.ok()) return;
    graph_ = std::move(graph).value();
    twin_ = std::move(twin).value();
    ref_ = ReferenceOf(graph_);
    state_ = RandomState(rng_, graph_, ref_);
    valid_ = true;
  }

  bool valid() const { return valid_; }
  const RevisionGraph& graph() const { return graph_; }
  const Reference& ref() const { return ref_; }
  const AppliedState& state() const { return state_; }
  size_t n() const { return graph_.size(); }
  std::mt19937& rng() { return rng_; }

  size_t RandomIndex() { return std::uniform_int_distribution<size_t>(0, n() - 1)(rng_); }
  int RandomCount() {
    return std::uniform_int_distribution<int>(1, static_cast<int>(n()) + 2)(rng_);
  }

  // Plans `op` from `from`, failing the test on an error, and checks that the
  // plan is deterministic: the same on a second call and on the twin graph.
  std::vector<PlanStep> Plan(const Operation& op, const AppliedState& from) {
    Result<std::vector<PlanStep>> plan = PlanOperation(graph_, from, op);
    EXPECT_TRUE(plan.ok()) << plan.status().ToString();
    if (!plan.ok()) return {};
    Result<std::vector<PlanStep>> again = PlanOperation(graph_, from, op);
    Result<std::vector<PlanStep>> twin = PlanOperation(twin_, from, op);
    EXPECT_TRUE(again.ok() && SameSteps(*plan, *again))
        << "[" << PlanText(*plan) << "] then [" << (again.ok() ? PlanText(*again) : "error") << "]";
    EXPECT_TRUE(twin.ok() && SameSteps(*plan, *twin))
        << "[" << PlanText(*plan) << "] vs reshuffled input ["
        << (twin.ok() ? PlanText(*twin) : "error") << "]";
    return std::move(plan).value();
  }
  std::vector<PlanStep> Plan(const Operation& op) { return Plan(op, state_); }

  // The graph's order must not depend on input order, or the state (indexed
  // by position) would not mean the same thing on the twin.
  void ExpectSameOrderAsTwin() const {
    ASSERT_EQ(graph_.size(), twin_.size());
    for (size_t i = 0; i < graph_.size(); ++i) {
      ASSERT_EQ(graph_.at(i).id, twin_.at(i).id) << "position " << i;
    }
  }

 private:
  std::mt19937 rng_;
  RevisionGraph graph_;
  RevisionGraph twin_;
  Reference ref_;
  AppliedState state_;
  bool valid_ = false;
};

void CheckUp(RandomCase& c) {
  const RevisionGraph& graph = c.graph();
  const Mask& initial = c.state().applied;
  const size_t pending = c.n() - Count(initial);
  {
    SCOPED_TRACE("up to heads");
    std::vector<PlanStep> plan = c.Plan(Operation::UpToHeads());
    EXPECT_EQ(plan.size(), pending);
    EXPECT_EQ(CountDirection(plan, Direction::kDown), 0u);
    EXPECT_EQ(Simulate(graph, c.state(), plan), Mask(c.n(), true));
    // --all means the same as heads for up.
    EXPECT_TRUE(SameSteps(c.Plan(UpAll()), plan));
  }
  for (int round = 0; round < 3; ++round) {
    size_t x = c.RandomIndex();
    SCOPED_TRACE("up to " + graph.at(x).id);
    std::vector<PlanStep> plan = c.Plan(Operation::UpTo(graph.at(x).id));
    Mask wanted = RefAncestors(c.ref(), x);
    Mask expected = initial;
    for (size_t i = 0; i < c.n(); ++i) expected[i] = expected[i] || wanted[i];
    EXPECT_EQ(CountDirection(plan, Direction::kDown), 0u);
    EXPECT_EQ(plan.size(), Count(expected) - Count(initial));
    Mask final = Simulate(graph, c.state(), plan);
    EXPECT_EQ(final, expected) << MaskIds(graph, final) << " expected " << MaskIds(graph, expected);
  }
  for (int round = 0; round < 3; ++round) {
    int count = c.RandomCount();
    SCOPED_TRACE(fmt::format("up +{}", count));
    std::vector<PlanStep> plan = c.Plan(Operation::UpBy(count));
    EXPECT_EQ(plan.size(), std::min(static_cast<size_t>(count), pending));
    EXPECT_EQ(CountDirection(plan, Direction::kDown), 0u);
    Mask final = Simulate(graph, c.state(), plan);
    EXPECT_EQ(Count(final), Count(initial) + plan.size());
    // The steps are the earliest pending migrations in topological order.
    size_t k = 0;
    for (size_t i = 0; i < c.n() && k < plan.size(); ++i) {
      if (initial[i]) continue;
      EXPECT_EQ(plan[k].migration_id, graph.at(i).id) << "step " << k;
      ++k;
    }
  }
}

void CheckDown(RandomCase& c) {
  const RevisionGraph& graph = c.graph();
  const AppliedState& state = c.state();
  const Mask& initial = state.applied;
  const size_t applied_count = Count(initial);
  std::vector<size_t> applied;
  std::vector<size_t> unapplied;
  for (size_t i = 0; i < c.n(); ++i) (initial[i] ? applied : unapplied).push_back(i);

  std::vector<PlanStep> down_all;
  {
    SCOPED_TRACE("down --all");
    down_all = c.Plan(Operation::DownAll());
    EXPECT_EQ(down_all.size(), applied_count);
    EXPECT_EQ(CountDirection(down_all, Direction::kUp), 0u);
    EXPECT_EQ(Simulate(graph, state, down_all), Mask(c.n(), false));
    // Seqs follow parent order, so the most recently applied migration never
    // has an applied child: reverting latest-first is exactly seq order.
    std::vector<size_t> by_seq = applied;
    std::sort(by_seq.begin(), by_seq.end(),
              [&](size_t a, size_t b) { return state.applied_seq[a] > state.applied_seq[b]; });
    for (size_t k = 0; k < by_seq.size() && k < down_all.size(); ++k) {
      EXPECT_EQ(down_all[k].migration_id, graph.at(by_seq[k]).id) << "step " << k;
    }
  }
  for (int round = 0; round < 3; ++round) {
    int count = c.RandomCount();
    SCOPED_TRACE(fmt::format("down -{}", count));
    std::vector<PlanStep> plan = c.Plan(Operation::DownBy(count));
    EXPECT_EQ(plan.size(), std::min(static_cast<size_t>(count), applied_count));
    EXPECT_EQ(CountDirection(plan, Direction::kUp), 0u);
    Mask final = Simulate(graph, state, plan);
    EXPECT_EQ(Count(final) + plan.size(), applied_count);
    // -N reverts what --all would revert first.
    std::vector<PlanStep> prefix(down_all.begin(),
                                 down_all.begin() + std::min(plan.size(), down_all.size()));
    EXPECT_TRUE(SameSteps(plan, prefix))
        << "[" << PlanText(plan) << "] vs --all [" << PlanText(down_all) << "]";
  }
  for (int round = 0; round < 3 && !applied.empty(); ++round) {
    size_t x = applied[std::uniform_int_distribution<size_t>(0, applied.size() - 1)(c.rng())];
    SCOPED_TRACE("down to " + graph.at(x).id);
    std::vector<PlanStep> plan = c.Plan(Operation::DownTo(graph.at(x).id));
    Mask removed = RefDescendants(c.ref(), x);
    removed[x] = false;
    Mask expected = initial;
    for (size_t i = 0; i < c.n(); ++i) expected[i] = expected[i] && !removed[i];
    EXPECT_EQ(CountDirection(plan, Direction::kUp), 0u);
    EXPECT_EQ(plan.size(), applied_count - Count(expected));
    Mask final = Simulate(graph, state, plan);
    EXPECT_EQ(final, expected) << MaskIds(graph, final) << " expected " << MaskIds(graph, expected);
    EXPECT_TRUE(final[x]);
  }
  if (!unapplied.empty()) {
    size_t x = unapplied[std::uniform_int_distribution<size_t>(0, unapplied.size() - 1)(c.rng())];
    SCOPED_TRACE("down to unapplied " + graph.at(x).id);
    Result<std::vector<PlanStep>> plan =
        PlanOperation(graph, state, Operation::DownTo(graph.at(x).id));
    ASSERT_FALSE(plan.ok()) << PlanText(*plan);
    EXPECT_EQ(plan.status().code(), Code::kInvalidArgument);
  }
}

void CheckGoto(RandomCase& c) {
  const RevisionGraph& graph = c.graph();
  const Mask& initial = c.state().applied;
  for (int round = 0; round < 4; ++round) {
    size_t x = c.RandomIndex();
    SCOPED_TRACE("goto " + graph.at(x).id);
    std::vector<PlanStep> plan = c.Plan(Operation::Goto(graph.at(x).id));
    Mask expected = RefAncestors(c.ref(), x);
    // Minimal: nothing is reverted and then re-applied, or the other way.
    size_t difference = 0;
    for (size_t i = 0; i < c.n(); ++i) difference += initial[i] != expected[i];
    EXPECT_EQ(plan.size(), difference);
    Mask final = Simulate(graph, c.state(), plan);
    EXPECT_EQ(final, expected) << MaskIds(graph, final) << " expected " << MaskIds(graph, expected);
  }
}

void CheckRoundTrips(RandomCase& c) {
  const RevisionGraph& graph = c.graph();
  const AppliedState& state = c.state();
  SCOPED_TRACE("round trips");
  AppliedState all = ApplyPlan(graph, state, c.Plan(Operation::UpToHeads()));
  ASSERT_EQ(all.applied, Mask(c.n(), true));
  std::vector<PlanStep> down = c.Plan(Operation::DownAll(), all);
  EXPECT_EQ(down.size(), c.n());
  EXPECT_EQ(Simulate(graph, all, down), Mask(c.n(), false));
  EXPECT_EQ(ApplyPlan(graph, all, down).applied, Mask(c.n(), false));

  // When the start has a single current migration Y (applied, no applied
  // child), the start is exactly ancestors(Y), so goto Y leads back to it from
  // anywhere: here from all-applied and from up-to-X.
  std::vector<size_t> current;
  for (size_t i = 0; i < c.n(); ++i) {
    if (!state.applied[i]) continue;
    bool has_applied_child = false;
    for (size_t ch : c.ref().children[i]) has_applied_child |= state.applied[ch];
    if (!has_applied_child) current.push_back(i);
  }
  if (current.size() != 1) return;
  const std::string& y = graph.at(current[0]).id;
  EXPECT_EQ(Simulate(graph, all, c.Plan(Operation::Goto(y), all)), state.applied) << "goto " << y;
  size_t x = c.RandomIndex();
  AppliedState up = ApplyPlan(graph, state, c.Plan(Operation::UpTo(graph.at(x).id)));
  EXPECT_EQ(Simulate(graph, up, c.Plan(Operation::Goto(y), up)), state.applied)
      << "up to " << graph.at(x).id << " then goto " << y;
}

TEST(PlannerRandomTest, RandomDagsKeepEveryPlanInvariant) {
  // Coverage of the generator, so a regression in it cannot make the
  // properties hold vacuously.
  int with_merges = 0;
  int with_branches = 0;
  int partially_applied = 0;
  int single_current = 0;
  for (uint32_t seed = kFirstSeed; seed < kFirstSeed + kRandomCases; ++seed) {
    RandomCase c(seed);
    ASSERT_TRUE(c.valid()) << "seed " << seed;
    SCOPED_TRACE(fmt::format("seed {}: {}", seed, Describe(c.graph(), c.state())));
    c.ExpectSameOrderAsTwin();
    CheckUp(c);
    CheckDown(c);
    CheckGoto(c);
    CheckRoundTrips(c);
    ASSERT_FALSE(HasFailure()) << "stopping at the first failing seed";

    with_merges += !c.graph().MergePoints().empty();
    with_branches += !c.graph().BranchPoints().empty();
    size_t applied = Count(c.state().applied);
    partially_applied += applied > 0 && applied < c.n();
    Mask has_applied_child(c.n(), false);
    for (size_t i = 0; i < c.n(); ++i) {
      for (size_t p : c.ref().parents[i]) {
        if (c.state().applied[i]) has_applied_child[p] = true;
      }
    }
    int current = 0;
    for (size_t i = 0; i < c.n(); ++i) current += c.state().applied[i] && !has_applied_child[i];
    single_current += current == 1;
  }
  EXPECT_GT(with_merges, 200);
  EXPECT_GT(with_branches, 200);
  EXPECT_GT(partially_applied, 150);
  EXPECT_GT(single_current, 30);
}

// A straight chain of n migrations with the first k applied.
struct Chain {
  RevisionGraph graph;
  AppliedState state;
};

Chain MakeChain(std::mt19937& rng, int n, int k) {
  std::vector<Migration> ms;
  for (int i = 0; i < n; ++i) {
    std::vector<std::string> parents;
    if (i > 0) parents.push_back(ms.back().id);
    ms.push_back(MakeMigration(fmt::format("m{:03d}", i), parents, true));
  }
  std::shuffle(ms.begin(), ms.end(), rng);
  Result<RevisionGraph> graph = RevisionGraph::Build(std::move(ms));
  EXPECT_TRUE(graph.ok()) << graph.status().ToString();
  Chain chain{graph.ok() ? std::move(graph).value() : RevisionGraph::Build({}).value(), {}};
  chain.state.applied.assign(chain.graph.size(), false);
  chain.state.applied_seq.assign(chain.graph.size(), 0);
  for (int i = 0; i < k && i < static_cast<int>(chain.graph.size()); ++i) {
    chain.state.applied[i] = true;
    chain.state.applied_seq[i] = 10 * (i + 1);
  }
  return chain;
}

TEST(PlannerRandomTest, ChainUpThenGotoBackReturnsToTheStart) {
  std::mt19937 rng(77);
  for (int round = 0; round < 100 && !HasFailure(); ++round) {
    int n = std::uniform_int_distribution<int>(1, 30)(rng);
    int k = std::uniform_int_distribution<int>(0, n)(rng);
    Chain chain = MakeChain(rng, n, k);
    ASSERT_EQ(chain.graph.size(), static_cast<size_t>(n));
    const RevisionGraph& graph = chain.graph;
    size_t x = std::uniform_int_distribution<size_t>(0, n - 1)(rng);
    SCOPED_TRACE(
        fmt::format("round {}: chain of {}, {} applied, up to {}", round, n, k, graph.at(x).id));
    Result<std::vector<PlanStep>> up =
        PlanOperation(graph, chain.state, Operation::UpTo(graph.at(x).id));
    ASSERT_TRUE(up.ok()) << up.status().ToString();
    // On a chain, up to X applies exactly the nodes k..X in order.
    EXPECT_EQ(up->size(), x + 1 > static_cast<size_t>(k) ? x + 1 - k : 0u);
    Mask reached = Simulate(graph, chain.state, *up);
    AppliedState moved = ApplyPlan(graph, chain.state, *up);
    EXPECT_EQ(moved.applied, reached);

    Result<std::vector<PlanStep>> back =
        k > 0 ? PlanOperation(graph, moved, Operation::Goto(graph.at(k - 1).id))
              : PlanOperation(graph, moved, Operation::DownAll());
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(Simulate(graph, moved, *back), chain.state.applied);
    // Going back reverts exactly what the way up applied, in reverse.
    ASSERT_EQ(back->size(), up->size());
    for (size_t s = 0; s < up->size(); ++s) {
      EXPECT_EQ((*back)[s].migration_id, (*up)[up->size() - 1 - s].migration_id);
      EXPECT_EQ((*back)[s].direction, Direction::kDown);
    }
  }
}

TEST(PlannerRandomTest, MalformedOperationsAreRejected) {
  std::mt19937 rng(5);
  Chain chain = MakeChain(rng, 3, 1);
  auto code_of = [&](const Operation& op) {
    Result<std::vector<PlanStep>> plan = PlanOperation(chain.graph, chain.state, op);
    return plan.ok() ? Code::kOk : plan.status().code();
  };
  EXPECT_EQ(code_of(Operation::UpBy(-1)), Code::kInvalidArgument);
  EXPECT_EQ(code_of(Operation::DownBy(-2)), Code::kInvalidArgument);
  Operation down_heads;
  down_heads.kind = Operation::Kind::kDown;
  EXPECT_EQ(code_of(down_heads), Code::kInvalidArgument);
  Operation goto_heads;
  goto_heads.kind = Operation::Kind::kGoto;
  EXPECT_EQ(code_of(goto_heads), Code::kInvalidArgument);
  EXPECT_EQ(code_of(Operation::UpTo("nope")), Code::kNotFound);
  EXPECT_EQ(code_of(Operation::Goto("nope")), Code::kNotFound);
  EXPECT_EQ(code_of(Operation::UpTo("m00")), Code::kInvalidArgument);  // ambiguous prefix
  // A unique prefix is as good as the id.
  Result<std::vector<PlanStep>> by_prefix =
      PlanOperation(chain.graph, chain.state, Operation::UpTo("m001"));
  ASSERT_TRUE(by_prefix.ok()) << by_prefix.status().ToString();
  ASSERT_EQ(by_prefix->size(), 1u);
  EXPECT_EQ((*by_prefix)[0].migration_id, "m001");
}

}  // namespace
}  // namespace strata::model
