#include "model/revision_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <queue>
#include <set>

#include "base/strings.h"

namespace strata::model {

namespace {

// Finds one cycle among `stuck` nodes (those Kahn's algorithm could not order)
// and returns its ids in order, starting from the smallest id on it.
std::vector<std::string> FindCycle(const std::vector<Migration>& ms,
                                   const std::vector<std::vector<size_t>>& parents,
                                   const std::vector<bool>& stuck) {
  // Walking parent edges from a stuck node stays inside stuck nodes until a
  // node repeats, because every stuck node has at least one stuck parent.
  size_t start = 0;
  while (!stuck[start]) ++start;
  std::vector<int> seen_at(ms.size(), -1);
  std::vector<size_t> path;
  size_t node = start;
  while (seen_at[node] < 0) {
    seen_at[node] = static_cast<int>(path.size());
    path.push_back(node);
    size_t next = node;
    for (size_t p : parents[node]) {
      if (stuck[p]) {
        next = p;
        break;
      }
    }
    node = next;
  }
  std::vector<std::string> cycle;
  for (size_t i = static_cast<size_t>(seen_at[node]); i < path.size(); ++i) {
    cycle.push_back(ms[path[i]].id);
  }
  std::reverse(cycle.begin(), cycle.end());  // parent -> child direction
  auto smallest = std::min_element(cycle.begin(), cycle.end());
  std::rotate(cycle.begin(), smallest, cycle.end());
  return cycle;
}

}  // namespace

Result<RevisionGraph> RevisionGraph::Build(std::vector<Migration> migrations) {
  std::vector<Problem> problems;
  std::stable_sort(migrations.begin(), migrations.end(),
                   [](const Migration& a, const Migration& b) { return a.id < b.id; });
  // Sorted by id, duplicates are neighbours; drop them in place. Lookups by
  // id are then binary searches: no map holding a second copy of every id.
  std::vector<Migration>& unique = migrations;
  size_t kept = 0;
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (kept > 0 && migrations[i].id == unique[kept - 1].id) {
      problems.push_back({migrations[i].path, 1,
                          fmt::format("duplicate migration id '{}' (also in {})", migrations[i].id,
                                      unique[kept - 1].path)});
      continue;
    }
    if (kept != i) unique[kept] = std::move(migrations[i]);
    ++kept;
  }
  unique.resize(kept);
  const size_t n = unique.size();
  auto find_id = [&](const std::string& id) -> int {
    auto it =
        std::lower_bound(unique.begin(), unique.end(), id,
                         [](const Migration& m, const std::string& key) { return m.id < key; });
    return it != unique.end() && it->id == id ? static_cast<int>(it - unique.begin()) : -1;
  };
  std::vector<std::vector<size_t>> parents(n);
  std::vector<std::vector<size_t>> children(n);
  for (size_t i = 0; i < n; ++i) {
    for (const std::string& p : unique[i].parents) {
      int parent = find_id(p);
      if (parent < 0) {
        problems.push_back({unique[i].path, unique[i].parents_line,
                            fmt::format("unknown parent '{}' of migration '{}'", p, unique[i].id)});
        continue;
      }
      parents[i].push_back(static_cast<size_t>(parent));
      children[parent].push_back(i);
    }
  }

  // Kahn's algorithm; `unique` is sorted by id, so a min-heap of indices
  // breaks ties by id.
  std::vector<size_t> pending(n);
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
  for (size_t i = 0; i < n; ++i) {
    pending[i] = parents[i].size();
    if (pending[i] == 0) ready.push(i);
  }
  std::vector<size_t> order;
  order.reserve(n);
  while (!ready.empty()) {
    size_t i = ready.top();
    ready.pop();
    order.push_back(i);
    for (size_t c : children[i]) {
      if (--pending[c] == 0) ready.push(c);
    }
  }
  if (order.size() != n) {
    std::vector<bool> stuck(n, true);
    for (size_t i : order) stuck[i] = false;
    std::vector<std::string> cycle = FindCycle(unique, parents, stuck);
    const Migration& first = unique[static_cast<size_t>(find_id(cycle.front()))];
    cycle.push_back(cycle.front());
    problems.push_back({first.path, first.parents_line,
                        fmt::format("cycle in the revision graph: {}", base::Join(cycle, " -> "))});
  }
  if (!problems.empty()) {
    Status status(Code::kInvalidMigrations,
                  problems.size() == 1
                      ? problems[0].message
                      : fmt::format("{} problems in the migrations", problems.size()));
    status.mutable_context().file = problems[0].file;
    status.mutable_context().line = problems[0].line;
    return status.WithProblems(std::move(problems));
  }

  RevisionGraph graph;
  std::vector<size_t> position(n);
  for (size_t pos = 0; pos < n; ++pos) position[order[pos]] = pos;
  graph.migrations_.reserve(n);
  graph.parents_.resize(n);
  graph.children_.resize(n);
  // `unique` is in id order, so the topo positions listed in that order are
  // the id index IndexOf searches.
  graph.by_id_.assign(position.begin(), position.end());
  for (size_t pos = 0; pos < n; ++pos) {
    size_t old = order[pos];
    graph.parents_[pos].reserve(parents[old].size());
    for (size_t p : parents[old]) graph.parents_[pos].push_back(position[p]);
    graph.children_[pos].reserve(children[old].size());
    for (size_t c : children[old]) graph.children_[pos].push_back(position[c]);
    std::sort(graph.children_[pos].begin(), graph.children_[pos].end());
    graph.migrations_.push_back(std::move(unique[old]));
  }
  return graph;
}

int RevisionGraph::IndexOf(std::string_view id) const {
  auto it =
      std::lower_bound(by_id_.begin(), by_id_.end(), id,
                       [&](uint32_t i, std::string_view key) { return migrations_[i].id < key; });
  return it != by_id_.end() && migrations_[*it].id == id ? static_cast<int>(*it) : -1;
}

namespace {
std::vector<std::string> SortedIds(const std::vector<Migration>& ms,
                                   const std::function<bool(size_t)>& keep) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (keep(i)) ids.push_back(ms[i].id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}
}  // namespace

std::vector<std::string> RevisionGraph::Roots() const {
  return SortedIds(migrations_, [&](size_t i) { return parents_[i].empty(); });
}
std::vector<std::string> RevisionGraph::Heads() const {
  return SortedIds(migrations_, [&](size_t i) { return children_[i].empty(); });
}
std::vector<std::string> RevisionGraph::BranchPoints() const {
  return SortedIds(migrations_, [&](size_t i) { return children_[i].size() > 1; });
}
std::vector<std::string> RevisionGraph::MergePoints() const {
  return SortedIds(migrations_, [&](size_t i) { return parents_[i].size() > 1; });
}

std::vector<bool> RevisionGraph::AncestorsOf(size_t index) const {
  std::vector<bool> mask(size(), false);
  mask[index] = true;
  // Parents precede children in topo order, so one backward sweep suffices.
  for (size_t i = index + 1; i-- > 0;) {
    if (!mask[i]) continue;
    for (size_t p : parents_[i]) mask[p] = true;
  }
  return mask;
}

std::vector<bool> RevisionGraph::DescendantsOf(size_t index) const {
  std::vector<bool> mask(size(), false);
  mask[index] = true;
  for (size_t i = index; i < size(); ++i) {
    if (!mask[i]) continue;
    for (size_t c : children_[i]) mask[c] = true;
  }
  return mask;
}

Result<size_t> RevisionGraph::Resolve(std::string_view id_or_prefix) const {
  int exact = IndexOf(id_or_prefix);
  if (exact >= 0) return static_cast<size_t>(exact);
  std::vector<size_t> matches;
  for (size_t i = 0; i < size(); ++i) {
    if (base::StartsWith(migrations_[i].id, id_or_prefix)) matches.push_back(i);
  }
  if (matches.size() == 1 && !id_or_prefix.empty()) return matches[0];
  if (matches.empty() || id_or_prefix.empty()) {
    return Status(Code::kNotFound, fmt::format("no migration '{}'", id_or_prefix));
  }
  std::vector<std::string> ids;
  for (size_t i : matches) ids.push_back(migrations_[i].id);
  return Status(Code::kInvalidArgument,
                fmt::format("'{}' is ambiguous: {}", id_or_prefix, base::Join(ids, ", ")));
}

}  // namespace strata::model
