// RevisionGraph: the DAG of migrations (parents -> children), pure and
// immutable. Migrations are stored in a deterministic topological order
// (Kahn's algorithm, ties broken by id), so an index is also a topo position.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/migration.h"
#include "strata/result.h"

namespace strata::model {

class RevisionGraph {
 public:
  // Fails with kInvalidMigrations listing every duplicate id, unknown parent
  // and cycle (naming the ids on it), each with file and line.
  static Result<RevisionGraph> Build(std::vector<Migration> migrations);

  size_t size() const { return migrations_.size(); }
  // Topological order: every migration comes after all of its parents.
  const std::vector<Migration>& migrations() const { return migrations_; }
  const Migration& at(size_t index) const { return migrations_[index]; }
  // -1 when absent.
  int IndexOf(std::string_view id) const;

  const std::vector<size_t>& parents(size_t index) const { return parents_[index]; }
  const std::vector<size_t>& children(size_t index) const { return children_[index]; }

  // Sorted by id.
  std::vector<std::string> Roots() const;
  std::vector<std::string> Heads() const;
  std::vector<std::string> BranchPoints() const;  // more than one child
  std::vector<std::string> MergePoints() const;   // more than one parent

  // Membership masks; `index` itself is included.
  std::vector<bool> AncestorsOf(size_t index) const;
  std::vector<bool> DescendantsOf(size_t index) const;

  // An exact id, or a prefix that matches exactly one id.
  Result<size_t> Resolve(std::string_view id_or_prefix) const;

 private:
  std::vector<Migration> migrations_;
  std::vector<std::vector<size_t>> parents_;
  std::vector<std::vector<size_t>> children_;
  std::vector<uint32_t> by_id_;  // topo indices ordered by id, for IndexOf
};

}  // namespace strata::model
